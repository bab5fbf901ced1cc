from django.utils.translation import gettext_lazy as _
from rest_framework import pagination, serializers


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=` and `?page_size=` (1–500); a bad page size is an error, not silently ignored."""

    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        raw = request.query_params.getlist(self.page_size_query_param)
        if not raw:
            return self.page_size
        try:
            size = int(raw[-1])
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size or len(raw) > 1:
            raise serializers.ValidationError(
                {
                    self.page_size_query_param: _("Give one page size, a whole number from 1 to %(maximum)d.")
                    % {"maximum": self.max_page_size}
                }
            )
        return size

    def paginate_queryset(self, queryset, request, view=None):
        self.rows = super().paginate_queryset(queryset, request, view)
        return self.rows

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.add_post_render_callback(self._let_rows_go)
        return response

    def _let_rows_go(self, response) -> None:
        # DRF's view, response, request and serializers refer to one another,
        # so Python's cycle collector frees them, not the end of the request,
        # and until then every collection walks the page's rows again. Once
        # the answer is rendered nothing reads the rows: emptied, the page and
        # the list the serializers hold let them go at once.
        self.rows.clear()
        self.page.object_list = []

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] |= {"minimum": 1, "maximum": self.max_page_size}
            if parameter["name"] == self.page_query_param:
                parameter["schema"] |= {"minimum": 1}
        return parameters

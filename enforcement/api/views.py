from lawgov.api.views import ScopedModelViewSet

from ..filters import AgencyFilterSet
from ..models import Agency
from .serializers import AgencySerializer


class AgencyViewSet(ScopedModelViewSet):
    queryset = Agency.objects.select_related("parent")
    serializer_class = AgencySerializer
    filterset_class = AgencyFilterSet
    ordering_fields = ["name", "path", "kind"]
    ordering = ["path"]

"""One place that turns exceptions into JSON error bodies."""

from concurrency.exceptions import RecordModifiedError
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext_lazy as _
from drf_standardized_errors.handler import ExceptionHandler
from rest_framework import exceptions, serializers, status


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The record is still referenced by other records and cannot be deleted.")
    default_code = "protected"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is larger than the server accepts.")
    default_code = "too_large"


class StaleVersion(exceptions.APIException):
    """A write based on a version of the record that someone else has since changed."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Someone else has changed this record since you read it; read it again and redo your change.")
    default_code = "stale_version"

    def __init__(self, *, current_version: int | None):
        super().__init__()
        self.current_version = current_version


class LawgovExceptionHandler(ExceptionHandler):
    def convert_known_exceptions(self, exc: Exception) -> Exception:
        if isinstance(exc, RequestDataTooBig):
            # Over DATA_UPLOAD_MAX_MEMORY_SIZE: Django refuses to read it whole.
            return PayloadTooLarge()
        if isinstance(exc, (ProtectedError, RestrictedError)):
            return Conflict()
        if isinstance(exc, RecordModifiedError):
            target = exc.target
            current = type(target)._default_manager.filter(pk=target.pk).values_list("version", flat=True).first()
            return StaleVersion(current_version=current)
        if isinstance(exc, OverflowError):
            # SQLite cannot bind integers beyond 64 bits; such an id names no row.
            return exceptions.ValidationError(_("A number in the request is too large."))
        if isinstance(exc, DjangoValidationError):
            # A rule enforced by a model's clean() or a service reaches the
            # client as a 400 naming the field, like a serializer error.
            return exceptions.ValidationError(serializers.as_serializer_error(exc))
        return super().convert_known_exceptions(exc)

    def format_exception(self, exc: exceptions.APIException) -> dict:
        data = super().format_exception(exc)
        if isinstance(exc, StaleVersion):
            # The client learns the version to read again without a second request.
            data["current_version"] = exc.current_version
        return data


class ServiceUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _("A service this request needs is unavailable. Try again later.")
    default_code = "unavailable"

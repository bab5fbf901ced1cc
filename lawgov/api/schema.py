from drf_standardized_errors import openapi, openapi_serializers
from rest_framework import serializers


class FieldErrorSerializer(serializers.Serializer):
    code = serializers.CharField()
    detail = serializers.CharField()
    attr = serializers.CharField(
        allow_null=True, help_text="The field (dotted path for nested fields); null when general."
    )


class ErrorResponse400Serializer(serializers.Serializer):
    """Every 400: the field each message is about, a stable code and a readable message.

    One general shape rather than per-field enumerations, because rules in
    model clean() and validators add codes that no serializer declares.
    """

    type = serializers.ChoiceField(choices=[("validation_error", "validation_error"), ("client_error", "client_error")])
    errors = FieldErrorSerializer(many=True)


class Error409Serializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=[("protected", "protected"), ("stale_version", "stale_version")])
    detail = serializers.CharField()
    attr = serializers.CharField(allow_null=True)


class ErrorResponse409Serializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=openapi_serializers.ClientErrorEnum.choices)
    errors = Error409Serializer(many=True)
    current_version = serializers.IntegerField(required=False, help_text="With a stale version: the current one.")


class Error413Serializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=[("too_large", "too_large")])
    detail = serializers.CharField()
    attr = serializers.CharField(allow_null=True)


class ErrorResponse413Serializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=openapi_serializers.ClientErrorEnum.choices)
    errors = Error413Serializer(many=True)


# Only a request with a body can be too large.
METHODS_WITH_A_BODY = frozenset({"POST", "PUT", "PATCH"})


class AutoSchema(openapi.AutoSchema):
    """The standard error bodies; 409 where a delete can be blocked or a version be stale; 413 where a body is sent."""

    def _should_add_error_response(self, responses: dict, status_code: str) -> bool:
        if status_code == "409":
            return self.method in {"DELETE", "PUT", "PATCH"} and status_code not in responses
        if status_code == "413":
            return self.method in METHODS_WITH_A_BODY and status_code not in responses
        return super()._should_add_error_response(responses, status_code)


class Error503Serializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=[("unavailable", "unavailable")])
    detail = serializers.CharField()
    attr = serializers.CharField(allow_null=True)


class ErrorResponse503Serializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=openapi_serializers.ServerErrorEnum.choices)
    errors = Error503Serializer(many=True)

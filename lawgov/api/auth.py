from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken


class TokenRequestSerializer(AuthTokenSerializer):
    def validate(self, attrs):
        # django-axes flags a locked-out login on the Django request, where its
        # middleware looks for the flag, not on DRF's wrapper of it.
        request = self.context.get("request")
        self.context["request"] = getattr(request, "_request", request)
        return super().validate(attrs)


class ObtainTokenView(ObtainAuthToken):
    """POST a username and password, receive the API token."""

    serializer_class = TokenRequestSerializer

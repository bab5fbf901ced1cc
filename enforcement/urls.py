from django.urls import path

from enforcement.officers.verification import verify_certificate, verify_certificate_qr

urlpatterns = [
    path("verify/<str:token>/", verify_certificate, name="certificate-verify"),
    path("verify/<str:token>/qr.png", verify_certificate_qr, name="certificate-verify-qr"),
]

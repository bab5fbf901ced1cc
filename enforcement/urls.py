from django.urls import path

from enforcement.cases.disclosure import disclosure_page
from enforcement.officers.verification import verify_certificate, verify_certificate_qr

urlpatterns = [
    path("disclosure/<int:agency_id>/", disclosure_page, name="enforcement-disclosure"),
    path("verify/<str:token>/", verify_certificate, name="certificate-verify"),
    path("verify/<str:token>/qr.png", verify_certificate_qr, name="certificate-verify-qr"),
]

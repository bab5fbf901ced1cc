"""Report files are served only through the scoped, authenticated views, whatever the mode."""

import importlib

from django.test import Client, override_settings
from django.urls import clear_url_caches

from lawgov import urls


def urlconf_with_debug(debug: bool):
    with override_settings(DEBUG=debug):
        clear_url_caches()
        return importlib.reload(urls)


def test_no_url_serves_a_report_file_from_media_even_in_the_embedded_mode(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "reports" / "2025").mkdir(parents=True)
    (tmp_path / "reports" / "2025" / "report-2-2025-v1.docx").write_bytes(b"secret")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.png").write_bytes(b"png")
    try:
        module = urlconf_with_debug(True)
        with override_settings(ROOT_URLCONF=module.__name__):
            client = Client()
            assert client.get("/media/reports/2025/report-2-2025-v1.docx").status_code == 404
            assert client.get("/media/photos/a.png").status_code == 200
    finally:
        urlconf_with_debug(False)
        clear_url_caches()

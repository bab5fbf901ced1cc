import re

from django.test import Client

from tests.factories import UserFactory


def test_the_site_root_is_a_chinese_page_leading_to_the_admin_the_api_docs_and_the_public_pages(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="zh-hans">' in page
    assert "管理后台" in page and "接口文档" in page and "公开页面" in page
    assert 'href="/admin/"' in page
    assert 'href="/api/docs/"' in page
    assert "/verify/" in page


def test_the_admins_view_site_link_leads_to_the_landing_page(db):
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    admin_page = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    site_url = re.search(r'<a href="([^"]*)">查看站点</a>', admin_page).group(1)
    landing = client.get(site_url)
    assert landing.status_code == 200
    assert "home.html" in [template.name for template in landing.templates]

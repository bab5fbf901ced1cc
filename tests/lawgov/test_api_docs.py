import re
from urllib.request import urlopen


def test_the_api_docs_page_and_its_scripts_are_served_by_the_project_itself(live_server):
    with urlopen(f"{live_server.url}/api/docs/") as response:
        page = response.read().decode()
    assert "https://" not in page  # an intranet reaches no CDN
    bundle = re.search(r'src="([^"]*swagger-ui-bundle\.js)"', page).group(1)
    assert bundle.startswith("/static/")
    with urlopen(f"{live_server.url}{bundle}") as response:
        assert response.status == 200
        assert b"SwaggerUIBundle" in response.read()

import asyncio

from django.conf import settings
from django.http import JsonResponse
from health_check.views import HealthCheckView


def health_checks() -> list:
    """The database always; the broker when there is one (none in the embedded mode)."""
    checks: list = ["health_check.checks.Database"]
    if settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        from redis.asyncio import Redis

        url = settings.CELERY_BROKER_URL
        checks.append(("health_check.contrib.redis.Redis", {"client_factory": lambda: Redis.from_url(url)}))
    return checks


class HealthView(HealthCheckView):
    """`/healthz`: 200 "up" or 503 "down" for anyone; which check failed, and why, only for staff.

    A load balancer needs only the status; the names and errors of the
    services behind the site are no business of an anonymous caller.
    """

    async def get(self, request, *args, **kwargs):
        user = await request.auser()
        if user.is_active and user.is_staff:
            response = await super().get(request, *args, **kwargs)
            if response.status_code == 500:
                response.status_code = 503
            return response
        with self.get_executor() as executor:
            results = await asyncio.gather(*(check.get_result(executor) for check in self.get_checks()))
        down = any(result.error for result in results)
        return JsonResponse({"status": "down" if down else "up"}, status=503 if down else 200)

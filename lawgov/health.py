from django.conf import settings


def health_checks() -> list:
    """The database always; the broker when there is one (none in the embedded mode)."""
    checks: list = ["health_check.checks.Database"]
    if settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        from redis.asyncio import Redis

        url = settings.CELERY_BROKER_URL
        checks.append(("health_check.contrib.redis.Redis", {"client_factory": lambda: Redis.from_url(url)}))
    return checks

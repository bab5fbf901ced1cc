from django import template

from enforcement.agencies.jobs import daily_job_statuses

register = template.Library()


@register.simple_tag
def daily_jobs() -> dict:
    """{"jobs": [JobStatus], "warnings": [str]} for the admin start page."""
    jobs = daily_job_statuses()
    return {"jobs": jobs, "warnings": [job.warning for job in jobs if job.warning]}

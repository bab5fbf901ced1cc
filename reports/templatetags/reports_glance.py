from django import template

from reports.glance import agency_at_a_glance

register = template.Library()


@register.simple_tag(takes_context=True)
def agency_glance(context) -> dict | None:
    request = context.get("request")
    return agency_at_a_glance(request.user) if request is not None else None

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from enforcement.agencies.base import TimeStampedModel


class CalendarDay(TimeStampedModel):
    """A day whose working status overrides the built-in Chinese calendar.

    The State Council publishes each year's holidays and adjusted working days
    (调休) late in the year before; until the `holidays` package knows them it
    only estimates, and a row here says what the notice actually decided.
    """

    date = models.DateField(_("date"), unique=True)
    is_working_day = models.BooleanField(
        _("working day"), help_text=_("Ticked for a working day (also a weekend day worked), unticked for a day off.")
    )
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("e.g. 国庆节 or 调休上班"))

    class Meta:
        verbose_name = _("calendar day override")
        verbose_name_plural = _("calendar day overrides")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}"


@receiver([post_save, post_delete], sender=CalendarDay, dispatch_uid="lawgov.calendar_day_changed")
def _calendar_changed(sender, **kwargs) -> None:
    # A deadline computed on the old calendar may now be a day off.
    from enforcement.reconsideration.services import refresh_open_cases

    refresh_open_cases()

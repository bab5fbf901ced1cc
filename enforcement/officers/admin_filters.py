"""The list filters of the officer and certificate admin: both ask the models' one validity rule."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from enforcement.officers.models.certificate import CertificateState
from enforcement.officers.models.reminders import ReminderThreshold


class CertificationFilter(admin.SimpleListFilter):
    title = _("certified today")
    parameter_name = "certified"

    def lookups(self, request, model_admin):
        return [("yes", _("With an effective certificate")), ("no", _("Without an effective certificate"))]

    def queryset(self, request, queryset):
        if self.value() in {"yes", "no"}:
            return queryset.filter(is_certified=self.value() == "yes")
        return queryset


class CertificateValidityFilter(admin.SimpleListFilter):
    """The derived state today, and "expiring within" each reminder threshold (data, not constants)."""

    title = _("validity")
    parameter_name = "validity"

    def lookups(self, request, model_admin):
        expiring = [
            (str(days), gettext("Expiring within %(days)d days") % {"days": days})
            for days in ReminderThreshold.objects.all_days()
        ]
        # "valid" is the parameter the filter has always used for "effective today".
        return [("valid", _("Effective today")), *expiring, *CertificateState.choices[1:]]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        value = self.value() or ""
        if value == "valid":
            return queryset.effective_on(today)
        if value.isdigit():
            return queryset.expiring_within(int(value), on=today)
        if value in CertificateState.values:
            return queryset.in_state(today, value)
        return queryset


class UnmatchedFieldsFilter(admin.SimpleListFilter):
    """The records whose earlier written field list named fields the table lacks, to be put right."""

    title = _("unmatched field names")
    parameter_name = "unmatched_fields"

    def lookups(self, request, model_admin):
        return [("yes", _("Some names match no enforcement field"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(unmatched_fields="")
        return queryset

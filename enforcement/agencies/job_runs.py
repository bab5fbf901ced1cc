from django.db import models
from django.utils.translation import gettext_lazy as _

# What a reader calls each scheduled job; its runs are recorded under the key.
JOB_LABELS = {
    "certificate_reminders": _("Certificate reminders"),
    "reconsideration_deadline_warnings": _("Reconsideration deadline warnings"),
    "stale_upload_cleanup": _("Deleting unconfirmed uploads"),
}


class JobRun(models.Model):
    """The last run of each scheduled job, shown in the admin.

    A beat process that has stopped shows up as a job whose last run is old.
    """

    name = models.CharField(_("job"), max_length=100, unique=True)
    started_at = models.DateTimeField(_("last started at"))
    finished_at = models.DateTimeField(_("last finished at"), null=True, blank=True)
    succeeded = models.BooleanField(_("succeeded"), default=False)
    summary = models.CharField(_("summary"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("scheduled job run")
        verbose_name_plural = _("scheduled job runs")
        ordering = ["name"]

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> str:
        return JOB_LABELS.get(self.name, self.name)

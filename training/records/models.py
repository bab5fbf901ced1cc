from django.utils.translation import gettext_lazy as _

from enforcement.officers.models.officer import Officer


class OfficerTrainingRecord(Officer):
    """An officer seen through their training: hours credited and exams, year by year.

    A proxy so the admin can list it apart from the roster kept by HR.
    """

    class Meta:
        proxy = True
        verbose_name = _("officer's training record")
        verbose_name_plural = _("officers' training records")

"""Strings of Django and of the libraries lawgov uses that their own zh_Hans catalogues lack.

Listed here so that makemessages keeps them in lawgov's catalogue, which is
read after every app's (LOCALE_PATHS), and a Chinese reader sees no English.
Nothing imports this module; it only feeds the catalogue.
"""

from django.utils.translation import gettext_noop

STRINGS = [
    # django.contrib.admin
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop("Hold down “Control”, or “Command” on a Mac, to select more than one."),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. "
        "If disabled, they may still be able to authenticate using other backends, "
        "such as Single Sign-On or LDAP."
    ),
    # django-simple-history's history page
    gettext_noop("Changes"),
    # django-concurrency's version field
    gettext_noop("Version"),
    gettext_noop("record revision number"),
    gettext_noop("Record Modified"),
]

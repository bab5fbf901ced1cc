import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from enforcement.agencies.models import Agency, AgencyKind, Membership

PASSWORD = "correct horse battery staple"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"测试乡镇{n}")
    kind = AgencyKind.TOWNSHIP
    parent = None


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))
        if create:
            self.save()

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        if create and extracted:
            for agency in extracted:
                Membership.objects.create(user=self, agency=agency)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)

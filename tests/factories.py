"""factory_boy factories for the whole project; traits name the common variants."""

import datetime

import factory
from django.contrib.auth.models import Group

from gremia.constants import BodyKind, MembershipRole, OrganisationKind, PersonFunction, Sector
from gremia.models import Body, Membership, Organisation, Person, Subregion
from nhn_portal.core.constants import Role
from nhn_portal.core.models import User
from platforms.models import Theme


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"gebruiker{n}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.PostGenerationMethodCall("set_password", "nhn-test-2026")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """UserFactory(roles=[Role.SECRETARY]) puts the user in those role groups."""
        for role in extracted or []:
            self.groups.add(Group.objects.get(name=Role(role).value))
        if create:
            self.save()


class SubregionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subregion
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Basisregio {n}")
    slug = factory.Sequence(lambda n: f"basisregio-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    kind = OrganisationKind.MUNICIPALITY
    sector = Sector.GOVERNMENT
    subregion = factory.SubFactory(SubregionFactory)
    is_central_municipality = False

    class Params:
        central = factory.Trait(is_central_municipality=True)
        business = factory.Trait(
            kind=OrganisationKind.BUSINESS, sector=Sector.BUSINESS, subregion=None
        )
        education = factory.Trait(
            kind=OrganisationKind.KNOWLEDGE, sector=Sector.EDUCATION, subregion=None
        )
        province = factory.Trait(kind=OrganisationKind.PROVINCE, subregion=None)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Persoon {n}")
    function = PersonFunction.ALDERMAN
    organisation = factory.SubFactory(OrganisationFactory)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    name = factory.Sequence(lambda n: f"Gremium {n}")
    slug = factory.Sequence(lambda n: f"gremium-{n}")
    kind = BodyKind.PLATFORM
    established_on = datetime.date(2025, 1, 1)

    class Params:
        dissolved = factory.Trait(dissolved_on=datetime.date(2025, 6, 1))
        steering_group = factory.Trait(kind=BodyKind.STEERING_GROUP)
        working_group = factory.Trait(kind=BodyKind.WORKING_GROUP)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    body = factory.SubFactory(BodyFactory)
    organisation = factory.SelfAttribute("person.organisation")
    role = MembershipRole.MEMBER
    start = datetime.date(2025, 1, 1)

    class Params:
        chair = factory.Trait(role=MembershipRole.CHAIR)
        ended = factory.Trait(end=datetime.date(2025, 12, 31))

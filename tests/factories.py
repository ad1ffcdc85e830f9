"""factory_boy factories for the whole project; traits name the common variants."""

import datetime

import factory
from django.contrib.auth.models import Group
from django.db.models import Max
from django.utils import timezone

from gremia.constants import BodyKind, MembershipRole, OrganisationKind, PersonFunction, Sector
from gremia.models.registry import Body, Membership, Organisation, Person, Subregion, Theme
from nhn_portal.core.constants import Role
from nhn_portal.core.models import User
from regiobureau.constants import Confidentiality, ItemPurpose, MeetingStatus


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
            # get_or_create: transactional tests flush the groups the data migration seeded.
            self.groups.add(Group.objects.get_or_create(name=Role(role).value)[0])
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


# --- regiobureau: meetings, agenda items, stukken, annotations, dossiers ---------------------


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "regiobureau.Dossier"

    name = factory.Sequence(lambda n: f"Dossier {n}")
    slug = factory.Sequence(lambda n: f"dossier-{n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    """A public meeting a month from now, in draft; traits give the other states."""

    class Meta:
        model = "regiobureau.Meeting"

    body = factory.SubFactory(BodyFactory)
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=30)).replace(microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    documents_deadline = factory.LazyAttribute(
        lambda o: timezone.localtime(o.starts_at).date() - datetime.timedelta(days=14)
    )
    is_public = True
    status = MeetingStatus.DRAFT

    class Params:
        planned = factory.Trait(status=MeetingStatus.PLANNED)
        published = factory.Trait(
            status=MeetingStatus.AGENDA_PUBLISHED,
            agenda_published_at=factory.LazyFunction(timezone.now),
        )
        # A meeting is held only after it began: a week ago.
        held = factory.Trait(
            status=MeetingStatus.HELD,
            starts_at=factory.LazyFunction(
                lambda: (timezone.now() - datetime.timedelta(days=7)).replace(microsecond=0)
            ),
        )
        closed_meeting = factory.Trait(is_public=False)
        cancelled = factory.Trait(status=MeetingStatus.CANCELLED, cancel_reason="Geen quorum")


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "regiobureau.AgendaItem"

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Agendapunt {n}")
    purpose = ItemPurpose.DISCUSSION
    is_public = True

    class Params:
        confidential = factory.Trait(is_public=False)

    @factory.lazy_attribute
    def position(self):
        """The next number in its meeting, as the editor gives it (a session-wide counter
        grew past the three digits of ORI's agendapuntvolgnummer in a long run)."""
        if self.meeting.pk is None:
            return 1
        last = self.meeting.items.aggregate(last=Max("position"))["last"]
        return (last or 0) + 1


class DocumentFactory(factory.django.DjangoModelFactory):
    """A stuk; `DocumentFactory(with_version=True)` also gives it a current version (the
    file name is only recorded, nothing is written to disk)."""

    class Meta:
        model = "regiobureau.Document"
        skip_postgeneration_save = True

    agenda_item = factory.SubFactory(AgendaItemFactory)
    title = factory.Sequence(lambda n: f"Stuk {n}")
    confidentiality = Confidentiality.PUBLIC

    class Params:
        confidential = factory.Trait(confidentiality=Confidentiality.CONFIDENTIAL)

    @factory.post_generation
    def with_version(self, create, extracted, **kwargs):
        if create and extracted:
            document_version_add(self, **kwargs)


def document_version_add(document, *, uploaded_by=None, arrived_late=False):
    """Record a new current version of `document` (the helper behind with_version=True)."""
    from regiobureau.models.documents import DocumentVersion

    number = document.versions.count() + 1
    version = DocumentVersion.objects.create(
        document=document,
        number=number,
        file=f"stukken/{document.pk}/test-{number}",
        original_name=f"{document.title}.pdf",
        content_type="application/pdf",
        size=1234,
        sha256="0" * 64,
        uploaded_by=uploaded_by,
        arrived_late=arrived_late,
    )
    document.current_version = version
    document.save(update_fields=["current_version"])
    return version


class AnnotationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "regiobureau.Annotation"

    agenda_item = factory.SubFactory(AgendaItemFactory)
    background = "Aanleiding van het agendapunt."
    core_message = "Kernboodschap voor de bestuurders."
    version = 1

"""The digest for councils that asked for one: their griffie gets no mail
per letter but one mail a week with every copy made available since the last one. The copies
themselves are in the griffie's portal the moment they are made, as for every council."""

from django.db import transaction
from django.urls import reverse

from gremia.selectors.registry import clerk_addresses
from nhn_portal.core.mail import send_templated_mail, site_link
from raden.constants import Addressee, DeliveryStatus, InformationPreference
from raden.models.letters import CouncilLetterDelivery
from raden.models.preferences import CouncilPreference

from .delivery import delivery_mark_notified


def prefers_digest(municipality_id: int) -> bool:
    return CouncilPreference.objects.filter(
        municipality_id=municipality_id, preference=InformationPreference.DIGEST
    ).exists()


def council_digest_send(*, municipality_id: int) -> int:
    """One mail to the municipality's griffie with its council copies that are available but
    not yet mailed about (links, never content); each copy is then marked notified, so the
    next digest does not repeat it. Returns the number of mails sent."""
    with transaction.atomic():
        deliveries = list(
            CouncilLetterDelivery.objects.select_for_update(of=("self",))
            .filter(
                municipality_id=municipality_id,
                addressee=Addressee.COUNCIL,
                notified_at__isnull=True,
            )
            .exclude(status=DeliveryStatus.PENDING)
            .select_related("letter", "municipality")
            .order_by("available_at", "pk")
        )
        recipients = clerk_addresses(organisation_id=municipality_id)
        if not deliveries or not recipients:
            return 0
        sent = send_templated_mail(
            template="raden/email/letter_digest",
            context={
                "municipality": deliveries[0].municipality,
                "rows": [
                    {
                        "letter": delivery.letter,
                        "link": site_link(
                            reverse("raden:delivery_detail", kwargs={"pk": delivery.pk})
                        ),
                    }
                    for delivery in deliveries
                ],
            },
            recipients=recipients,
        )
    for delivery in deliveries:
        delivery_mark_notified(delivery_id=delivery.pk, recipients=recipients)
    return sent


def council_digests_send() -> int:
    """The weekly beat: a digest to every council that prefers one and has something new."""
    municipalities = CouncilPreference.objects.filter(
        preference=InformationPreference.DIGEST
    ).values_list("municipality_id", flat=True)
    return sum(council_digest_send(municipality_id=pk) for pk in municipalities)

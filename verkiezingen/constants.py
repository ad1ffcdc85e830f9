from django.db import models
from django.utils.translation import gettext_lazy as _

from gremia.constants import OrganisationKind, PersonFunction

INDUCTION_PACK = "introductiepakket"
INDUCTION_AUDIENCE = "lid"


class ElectionKind(models.TextChoices):
    MUNICIPAL = "gemeenteraad", _("Municipal council elections")
    PROVINCIAL = "provinciale_staten", _("Provincial elections")
    WATER_BOARD = "waterschap", _("Water board elections")


# Which political office holders an election reopens: (the kind of organisation they
# represent, their functions). A mayor and a dike reeve are appointed, not elected.
REOPENED = {
    ElectionKind.MUNICIPAL: (
        OrganisationKind.MUNICIPALITY,
        {PersonFunction.ALDERMAN, PersonFunction.COUNCIL_MEMBER},
    ),
    ElectionKind.PROVINCIAL: (OrganisationKind.PROVINCE, {PersonFunction.DEPUTY}),
    ElectionKind.WATER_BOARD: (OrganisationKind.WATER_BOARD, {PersonFunction.BOARD_MEMBER}),
}

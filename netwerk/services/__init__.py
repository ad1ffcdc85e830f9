"""Writes of the netwerk app: every change is validated and audited in one transaction."""

from .lobby import (  # noqa: F401
    external_moment_add,
    lobby_contact_add,
    lobby_dossier_create,
    lobby_dossier_publish_summary,
    lobby_dossier_set_confidential,
    lobby_dossier_update,
)
from .opportunities import (  # noqa: F401
    opportunity_create,
    opportunity_decide,
    opportunity_step_add,
    opportunity_step_complete,
    opportunity_step_remove,
    opportunity_update,
)
from .regio_deal import (  # noqa: F401
    project_image_add,
    regio_deal_project_create,
    regio_deal_project_review,
    regio_deal_project_submit,
)
from .spanners import (  # noqa: F401
    boundary_spanner_set,
)
from .tables import (  # noqa: F401
    alignment_add,
    related_table_create,
)

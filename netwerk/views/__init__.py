"""Pages of the netwerk app, one module per part: opportunities (kansen), lobby (public
affairs), tables (related tables), regio_deal (the showcase) and spanners."""

from .lobby import (  # noqa: F401
    external_calendar,
    external_moment_add,
    lobby_contact_add,
    lobby_dossier_confidentiality,
    lobby_dossier_create,
    lobby_dossier_detail,
    lobby_dossier_edit,
    lobby_dossier_list,
    lobby_dossier_publish,
    public_affairs,
)
from .opportunities import (  # noqa: F401
    lead_times,
    opportunity_create,
    opportunity_decide,
    opportunity_detail,
    opportunity_edit,
    opportunity_list,
    opportunity_step_add,
    opportunity_step_done,
    opportunity_step_remove,
)
from .regio_deal import (  # noqa: F401
    project_create,
    project_detail,
    project_image_add,
    project_list,
    project_review,
    regio_deal,
    regio_deal_image,
)
from .spanners import (  # noqa: F401
    spanner_detail,
    spanner_list,
    spanner_report_download,
    spanner_report_request,
    spanner_set,
)
from .tables import (  # noqa: F401
    alignment_add,
    related_table_create,
    related_table_list,
)

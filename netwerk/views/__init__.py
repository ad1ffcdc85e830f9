"""Pages of the netwerk app, one module per part: opportunities (kansen), lobby (public
affairs), tables (related tables), regio_deal (the showcase) and spanners."""

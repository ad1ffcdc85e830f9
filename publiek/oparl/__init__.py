"""OParl 1.1 (https://oparl.org/spezifikation/): the council-information standard of the
German-speaking open-source ecosystem, read-only, public data only, at /api/oparl/. One OParl
Body is the cooperation (the region, a Körperschaft); its Organizations are the gremia."""

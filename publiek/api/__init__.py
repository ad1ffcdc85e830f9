"""The open data API: ODS Open Raads-, Staten- en Bestuursinformatie 2.0
(VNG, 2.0.0-beta.4) for the resources the portal has, read-only, public data only, at
/api/ori/v2/. Field names, enumerations and pagination are the standard's; what the portal
adds is under the key "x-nhn" of a resource (an extension, marked as such in the schema).
"""

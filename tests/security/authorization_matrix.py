# ruff: noqa: E501 -- a table: one URL pattern per line reads better than wrapped rows
"""The authorisation table: every URL pattern (by name; a nameless one by its route) → the
answer each role gets to a GET in the fixture world of test_authorization_matrix.py.

"200" the page, "login" a redirect to a login page, "302" another redirect, "404" not found
(also: not yours to see — the portal never says 403 for data), "405" the URL takes POST
only, "403"/"401" as the admin or allauth answer. Change a row only on purpose, in review.
"""

ROLES = (
    "anonymous",
    "ambtenaar",
    "bestuurder_member",
    "bestuurder_nonmember",
    "griffie_texel",
    "griffie_hoorn",
    "secretaris",
    "beheerder",
)

# fmt: off
EXPECTED: dict[str, tuple[str, ...]] = {
    '/account/social/connections/': ('login', '301', '301', '301', '301', '301', '301', '301'),  # /account/social/connections/
    '/account/social/login/cancelled/': ('login', '301', '301', '301', '301', '301', '301', '301'),  # /account/social/login/cancelled/
    '/account/social/login/error/': ('login', '301', '301', '301', '301', '301', '301', '301'),  # /account/social/login/error/
    '/account/social/signup/': ('login', '301', '301', '301', '301', '301', '301', '301'),  # /account/social/signup/
    '/beheer/1': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '404'),  # /beheer/1
    '/beheer/account/emailaddress/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/account/emailaddress/x/y/
    '/beheer/auth/group/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/auth/group/x/y/
    '/beheer/axes/accessattempt/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/axes/accessattempt/x/y/
    '/beheer/axes/accessfailurelog/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/axes/accessfailurelog/x/y/
    '/beheer/axes/accesslog/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/axes/accesslog/x/y/
    '/beheer/consultaties/consultation/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/consultaties/consultation/x/y/
    '/beheer/consultaties/councilrecess/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/consultaties/councilrecess/x/y/
    '/beheer/consultaties/councilresponse/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/consultaties/councilresponse/x/y/
    '/beheer/core/auditrecord/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/auditrecord/x/y/
    '/beheer/core/generationjob/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/generationjob/x/y/
    '/beheer/core/loginthrottle/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/loginthrottle/x/y/
    '/beheer/core/outboxmessage/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/outboxmessage/x/y/
    '/beheer/core/user/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/user/x/y/
    '/beheer/gremia/balancenorm/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/balancenorm/x/y/
    '/beheer/gremia/body/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/body/x/y/
    '/beheer/gremia/membership/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/membership/x/y/
    '/beheer/gremia/organisation/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/organisation/x/y/
    '/beheer/gremia/person/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/person/x/y/
    '/beheer/gremia/subregion/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/subregion/x/y/
    '/beheer/gremia/theme/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/theme/x/y/
    '/beheer/mfa/authenticator/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/mfa/authenticator/x/y/
    '/beheer/raden/councilletter/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/raden/councilletter/x/y/
    '/beheer/raden/councilletterdelivery/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/raden/councilletterdelivery/x/y/
    '/beheer/regiobureau/agendaitem/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/agendaitem/x/y/
    '/beheer/regiobureau/agendatemplateitem/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/agendatemplateitem/x/y/
    '/beheer/regiobureau/annotation/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/annotation/x/y/
    '/beheer/regiobureau/annotationcomment/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/annotationcomment/x/y/
    '/beheer/regiobureau/calendartoken/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/calendartoken/x/y/
    '/beheer/regiobureau/document/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/document/x/y/
    '/beheer/regiobureau/dossier/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/dossier/x/y/
    '/beheer/regiobureau/meeting/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/meeting/x/y/
    '/beheer/socialaccount/socialaccount/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/socialaccount/socialaccount/x/y/
    '/beheer/socialaccount/socialapp/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/socialaccount/socialapp/x/y/
    '/beheer/socialaccount/socialtoken/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/socialaccount/socialtoken/x/y/
    'accessibility': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /toegankelijkheid/
    'account_change_password': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /account/password/change/
    'account_confirm_email': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /account/confirm-email/<id>/
    'account_confirm_login_code': ('login', '302', '302', '302', '302', '302', '302', '302'),  # /account/login/code/confirm/
    'account_confirm_reauthentication_code': ('login', '302', '302', '302', '302', '302', '302', '302'),  # /account/reauthenticate/code/confirm/
    'account_email': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /account/email/
    'account_email_verification_sent': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /account/confirm-email/
    'account_inactive': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /account/inactive/
    'account_login': ('200', '302', '302', '302', '302', '302', '302', '302'),  # /account/login/
    'account_logout': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /account/logout/
    'account_reauthenticate': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /account/reauthenticate/
    'account_request_reauthentication_code': ('login', '302', '302', '302', '302', '302', '302', '302'),  # /account/reauthenticate/code/
    'account_reset_password': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /account/password/reset/
    'account_reset_password_done': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /account/password/reset/done/
    'account_reset_password_from_key': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /account/password/reset/key/1-1/
    'account_reset_password_from_key_done': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /account/password/reset/key/done/
    'account_set_password': ('login', '302', '302', '302', '302', '302', '302', '302'),  # /account/password/set/
    'account_signup': ('200', '302', '302', '302', '302', '302', '302', '302'),  # /account/signup/
    'admin:account_emailaddress_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/account/emailaddress/add/
    'admin:account_emailaddress_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/account/emailaddress/x/y/change/
    'admin:account_emailaddress_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/account/emailaddress/
    'admin:account_emailaddress_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/account/emailaddress/x/y/delete/
    'admin:account_emailaddress_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/account/emailaddress/x/y/history/
    'admin:app_list': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/auth/
    'admin:auth_group_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/auth/group/add/
    'admin:auth_group_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/auth/group/x/y/change/
    'admin:auth_group_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/auth/group/
    'admin:auth_group_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/auth/group/x/y/delete/
    'admin:auth_group_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/auth/group/x/y/history/
    'admin:auth_user_password_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '404'),  # /beheer/core/user/x/password/
    'admin:autocomplete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/autocomplete/
    'admin:axes_accessattempt_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/axes/accessattempt/add/
    'admin:axes_accessattempt_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/axes/accessattempt/x/y/change/
    'admin:axes_accessattempt_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/axes/accessattempt/
    'admin:axes_accessattempt_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/axes/accessattempt/x/y/delete/
    'admin:axes_accessattempt_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/axes/accessattempt/x/y/history/
    'admin:axes_accessfailurelog_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/axes/accessfailurelog/add/
    'admin:axes_accessfailurelog_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/axes/accessfailurelog/x/y/change/
    'admin:axes_accessfailurelog_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/axes/accessfailurelog/
    'admin:axes_accessfailurelog_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/axes/accessfailurelog/x/y/delete/
    'admin:axes_accessfailurelog_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/axes/accessfailurelog/x/y/history/
    'admin:axes_accesslog_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/axes/accesslog/add/
    'admin:axes_accesslog_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/axes/accesslog/x/y/change/
    'admin:axes_accesslog_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/axes/accesslog/
    'admin:axes_accesslog_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/axes/accesslog/x/y/delete/
    'admin:axes_accesslog_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/axes/accesslog/x/y/history/
    'admin:consultaties_consultation_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/consultaties/consultation/add/
    'admin:consultaties_consultation_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/consultaties/consultation/x/y/change/
    'admin:consultaties_consultation_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/consultaties/consultation/
    'admin:consultaties_consultation_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/consultaties/consultation/x/y/delete/
    'admin:consultaties_consultation_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/consultaties/consultation/x/y/history/
    'admin:consultaties_councilrecess_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/consultaties/councilrecess/add/
    'admin:consultaties_councilrecess_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/consultaties/councilrecess/x/y/change/
    'admin:consultaties_councilrecess_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/consultaties/councilrecess/
    'admin:consultaties_councilrecess_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/consultaties/councilrecess/x/y/delete/
    'admin:consultaties_councilrecess_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/consultaties/councilrecess/x/y/history/
    'admin:consultaties_councilresponse_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/consultaties/councilresponse/add/
    'admin:consultaties_councilresponse_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/consultaties/councilresponse/x/y/change/
    'admin:consultaties_councilresponse_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/consultaties/councilresponse/
    'admin:consultaties_councilresponse_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/consultaties/councilresponse/x/y/delete/
    'admin:consultaties_councilresponse_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/consultaties/councilresponse/x/y/history/
    'admin:core_auditrecord_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/core/auditrecord/add/
    'admin:core_auditrecord_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/auditrecord/x/y/change/
    'admin:core_auditrecord_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/core/auditrecord/
    'admin:core_auditrecord_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/core/auditrecord/x/y/delete/
    'admin:core_auditrecord_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/auditrecord/x/y/history/
    'admin:core_generationjob_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/core/generationjob/add/
    'admin:core_generationjob_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/generationjob/x/y/change/
    'admin:core_generationjob_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/core/generationjob/
    'admin:core_generationjob_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/core/generationjob/x/y/delete/
    'admin:core_generationjob_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/generationjob/x/y/history/
    'admin:core_loginthrottle_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/core/loginthrottle/add/
    'admin:core_loginthrottle_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/loginthrottle/x/y/change/
    'admin:core_loginthrottle_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/core/loginthrottle/
    'admin:core_loginthrottle_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/core/loginthrottle/x/y/delete/
    'admin:core_loginthrottle_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/loginthrottle/x/y/history/
    'admin:core_outboxmessage_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/core/outboxmessage/add/
    'admin:core_outboxmessage_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/outboxmessage/x/y/change/
    'admin:core_outboxmessage_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/core/outboxmessage/
    'admin:core_outboxmessage_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/core/outboxmessage/x/y/delete/
    'admin:core_outboxmessage_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/outboxmessage/x/y/history/
    'admin:core_user_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/core/user/add/
    'admin:core_user_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/user/x/y/change/
    'admin:core_user_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/core/user/
    'admin:core_user_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/user/x/y/delete/
    'admin:core_user_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/core/user/x/y/history/
    'admin:gremia_balancenorm_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/balancenorm/add/
    'admin:gremia_balancenorm_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/balancenorm/x/y/change/
    'admin:gremia_balancenorm_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/balancenorm/
    'admin:gremia_balancenorm_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/balancenorm/x/y/delete/
    'admin:gremia_balancenorm_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/balancenorm/x/y/history/
    'admin:gremia_body_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/body/add/
    'admin:gremia_body_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/body/x/y/change/
    'admin:gremia_body_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/body/
    'admin:gremia_body_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/body/x/y/delete/
    'admin:gremia_body_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/body/x/y/history/
    'admin:gremia_membership_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/membership/add/
    'admin:gremia_membership_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/membership/x/y/change/
    'admin:gremia_membership_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/membership/
    'admin:gremia_membership_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/membership/x/y/delete/
    'admin:gremia_membership_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/membership/x/y/history/
    'admin:gremia_organisation_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/organisation/add/
    'admin:gremia_organisation_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/organisation/x/y/change/
    'admin:gremia_organisation_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/organisation/
    'admin:gremia_organisation_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/organisation/x/y/delete/
    'admin:gremia_organisation_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/organisation/x/y/history/
    'admin:gremia_person_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/person/add/
    'admin:gremia_person_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/person/x/y/change/
    'admin:gremia_person_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/person/
    'admin:gremia_person_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/person/x/y/delete/
    'admin:gremia_person_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/person/x/y/history/
    'admin:gremia_subregion_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/subregion/add/
    'admin:gremia_subregion_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/subregion/x/y/change/
    'admin:gremia_subregion_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/subregion/
    'admin:gremia_subregion_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/subregion/x/y/delete/
    'admin:gremia_subregion_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/subregion/x/y/history/
    'admin:gremia_theme_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/theme/add/
    'admin:gremia_theme_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/theme/x/y/change/
    'admin:gremia_theme_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/theme/
    'admin:gremia_theme_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/theme/x/y/delete/
    'admin:gremia_theme_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/theme/x/y/history/
    'admin:index': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/
    'admin:jsi18n': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/jsi18n/
    'admin:login': ('login', 'login', 'login', 'login', 'login', 'login', 'login', 'login'),  # /beheer/login/
    'admin:logout': ('login', '302', '302', '302', '302', '302', '302', '405'),  # /beheer/logout/
    'admin:mfa_authenticator_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/mfa/authenticator/add/
    'admin:mfa_authenticator_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/mfa/authenticator/x/y/change/
    'admin:mfa_authenticator_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/mfa/authenticator/
    'admin:mfa_authenticator_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/mfa/authenticator/x/y/delete/
    'admin:mfa_authenticator_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/mfa/authenticator/x/y/history/
    'admin:password_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/password_change/
    'admin:password_change_done': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/password_change/done/
    'admin:raden_councilletter_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/raden/councilletter/add/
    'admin:raden_councilletter_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/raden/councilletter/x/y/change/
    'admin:raden_councilletter_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/raden/councilletter/
    'admin:raden_councilletter_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/raden/councilletter/x/y/delete/
    'admin:raden_councilletter_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/raden/councilletter/x/y/history/
    'admin:raden_councilletterdelivery_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/raden/councilletterdelivery/add/
    'admin:raden_councilletterdelivery_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/raden/councilletterdelivery/x/y/change/
    'admin:raden_councilletterdelivery_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/raden/councilletterdelivery/
    'admin:raden_councilletterdelivery_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/raden/councilletterdelivery/x/y/delete/
    'admin:raden_councilletterdelivery_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/raden/councilletterdelivery/x/y/history/
    'admin:regiobureau_agendaitem_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/regiobureau/agendaitem/add/
    'admin:regiobureau_agendaitem_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/agendaitem/x/y/change/
    'admin:regiobureau_agendaitem_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/regiobureau/agendaitem/
    'admin:regiobureau_agendaitem_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/regiobureau/agendaitem/x/y/delete/
    'admin:regiobureau_agendaitem_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/agendaitem/x/y/history/
    'admin:regiobureau_agendatemplateitem_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/regiobureau/agendatemplateitem/add/
    'admin:regiobureau_agendatemplateitem_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/agendatemplateitem/x/y/change/
    'admin:regiobureau_agendatemplateitem_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/regiobureau/agendatemplateitem/
    'admin:regiobureau_agendatemplateitem_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/agendatemplateitem/x/y/delete/
    'admin:regiobureau_agendatemplateitem_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/agendatemplateitem/x/y/history/
    'admin:regiobureau_annotation_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/regiobureau/annotation/add/
    'admin:regiobureau_annotation_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/annotation/x/y/change/
    'admin:regiobureau_annotation_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/regiobureau/annotation/
    'admin:regiobureau_annotation_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/regiobureau/annotation/x/y/delete/
    'admin:regiobureau_annotation_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/annotation/x/y/history/
    'admin:regiobureau_annotationcomment_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/regiobureau/annotationcomment/add/
    'admin:regiobureau_annotationcomment_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/annotationcomment/x/y/change/
    'admin:regiobureau_annotationcomment_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/regiobureau/annotationcomment/
    'admin:regiobureau_annotationcomment_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/regiobureau/annotationcomment/x/y/delete/
    'admin:regiobureau_annotationcomment_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/annotationcomment/x/y/history/
    'admin:regiobureau_calendartoken_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/regiobureau/calendartoken/add/
    'admin:regiobureau_calendartoken_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/calendartoken/x/y/change/
    'admin:regiobureau_calendartoken_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/regiobureau/calendartoken/
    'admin:regiobureau_calendartoken_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/calendartoken/x/y/delete/
    'admin:regiobureau_calendartoken_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/calendartoken/x/y/history/
    'admin:regiobureau_document_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/regiobureau/document/add/
    'admin:regiobureau_document_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/document/x/y/change/
    'admin:regiobureau_document_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/regiobureau/document/
    'admin:regiobureau_document_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/regiobureau/document/x/y/delete/
    'admin:regiobureau_document_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/document/x/y/history/
    'admin:regiobureau_dossier_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/regiobureau/dossier/add/
    'admin:regiobureau_dossier_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/dossier/x/y/change/
    'admin:regiobureau_dossier_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/regiobureau/dossier/
    'admin:regiobureau_dossier_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/dossier/x/y/delete/
    'admin:regiobureau_dossier_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/dossier/x/y/history/
    'admin:regiobureau_meeting_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/regiobureau/meeting/add/
    'admin:regiobureau_meeting_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/meeting/x/y/change/
    'admin:regiobureau_meeting_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/regiobureau/meeting/
    'admin:regiobureau_meeting_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/regiobureau/meeting/x/y/delete/
    'admin:regiobureau_meeting_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/regiobureau/meeting/x/y/history/
    'admin:socialaccount_socialaccount_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/socialaccount/socialaccount/add/
    'admin:socialaccount_socialaccount_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/socialaccount/socialaccount/x/y/change/
    'admin:socialaccount_socialaccount_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/socialaccount/socialaccount/
    'admin:socialaccount_socialaccount_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/socialaccount/socialaccount/x/y/delete/
    'admin:socialaccount_socialaccount_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/socialaccount/socialaccount/x/y/history/
    'admin:socialaccount_socialapp_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/socialaccount/socialapp/add/
    'admin:socialaccount_socialapp_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/socialaccount/socialapp/x/y/change/
    'admin:socialaccount_socialapp_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/socialaccount/socialapp/
    'admin:socialaccount_socialapp_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/socialaccount/socialapp/x/y/delete/
    'admin:socialaccount_socialapp_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/socialaccount/socialapp/x/y/history/
    'admin:socialaccount_socialtoken_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/socialaccount/socialtoken/add/
    'admin:socialaccount_socialtoken_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/socialaccount/socialtoken/x/y/change/
    'admin:socialaccount_socialtoken_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/socialaccount/socialtoken/
    'admin:socialaccount_socialtoken_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/socialaccount/socialtoken/x/y/delete/
    'admin:socialaccount_socialtoken_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/socialaccount/socialtoken/x/y/history/
    'admin:view_on_site': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '404'),  # /beheer/r/x/y/x/y/
    'audit_log': ('login', '404', '404', '404', '404', '404', '404', '200'),  # /audit/
    'consultaties:advice_add': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /consultaties/1/raadswerkgroep/
    'consultaties:advice_stuk': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /consultaties/raadswerkgroep/5/stuk/
    'consultaties:create': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /consultaties/nieuw/
    'consultaties:detail': ('login', '302', '302', '302', '200', '200', '200', '200'),  # /consultaties/1/
    'consultaties:final_decision': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /consultaties/1/eindbesluit/
    'consultaties:final_letter': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /consultaties/1/eindbesluit/versturen/
    'consultaties:list': ('login', '404', '404', '404', '200', '200', '200', '200'),  # /consultaties/
    'consultaties:matrix_csv': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /consultaties/1/matrix.csv
    'consultaties:nota_approve': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /consultaties/1/reactienota/vaststellen/
    'consultaties:nota_download': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /consultaties/1/reactienota.pdf
    'consultaties:nota_return': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /consultaties/1/reactienota/terug/
    'consultaties:nota_submit': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /consultaties/1/reactienota/indienen/
    'consultaties:public_detail': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /consultaties/openbaar/1/
    'consultaties:public_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /consultaties/openbaar/
    'consultaties:public_stuk': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /consultaties/openbaar/stukken/5/
    'consultaties:recess': ('login', '404', '404', '404', '200', '200', '404', '404'),  # /consultaties/reces/
    'consultaties:response_agenda': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /consultaties/reacties/5/agenda/
    'consultaties:response_answer': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /consultaties/reacties/5/antwoord/
    'consultaties:response_outcome': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /consultaties/reacties/5/uitkomst/
    'consultaties:response_stuk': ('login', '404', '404', '404', '404', '404', '404', '404'),  # /consultaties/reacties/5/stuk/
    'gremia:agreement': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /samenwerkingsovereenkomst/
    'gremia:agreement_record': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /samenwerkingsovereenkomst/vastleggen/
    'gremia:balance': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /evenwicht/
    'gremia:body_detail': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /gremia/platform-wonen-test/
    'gremia:delegation_revoke': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /mijn-assistenten/<id>/intrekken/
    'gremia:delegations': ('login', '404', '200', '200', '404', '404', '404', '404'),  # /mijn-assistenten/
    'gremia:governance_map': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /gremia/
    'gremia:organisation_detail': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /organisaties/gemeente-texel/
    'gremia:organisation_list': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /organisaties/
    'gremia:person_detail': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /personen/<id>/
    'gremia:rules_create': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /spelregels/nieuw/
    'gremia:rules_detail': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /spelregels/1/
    'gremia:rules_edit': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /spelregels/1/bewerken/
    'gremia:rules_list': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /spelregels/
    'health': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /gezondheid/
    'home': ('200', '200', '200', '200', '200', '200', '200', '200'),  # / (the public front page for a visitor)
    'mfa_activate_totp': ('login', '302', '302', '302', '302', '302', '302', '302'),  # /account/2fa/totp/activate/
    'mfa_authenticate': ('login', '302', '302', '302', '302', '302', '302', '302'),  # /account/2fa/authenticate/
    'mfa_deactivate_totp': ('login', '404', '404', '404', '404', '404', '404', '404'),  # /account/2fa/totp/deactivate/
    'mfa_download_recovery_codes': ('login', '404', '404', '404', '404', '404', '404', '404'),  # /account/2fa/recovery-codes/download/
    'mfa_generate_recovery_codes': ('login', '302', '302', '302', '302', '302', '302', '302'),  # /account/2fa/recovery-codes/generate/
    'mfa_index': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /account/2fa/
    'mfa_reauthenticate': ('login', '302', '302', '302', '302', '302', '302', '302'),  # /account/2fa/reauthenticate/
    'mfa_view_recovery_codes': ('login', '404', '404', '404', '404', '404', '404', '404'),  # /account/2fa/recovery-codes/
    'netwerk:alignment_add': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/verbonden-tafels/afstemming/
    'netwerk:external_calendar': ('login', '404', '200', '200', '404', '404', '200', '200'),  # /netwerk/public-affairs/momenten/
    'netwerk:external_moment_add': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/public-affairs/1/moment/
    'netwerk:lead_times': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /netwerk/kansen/doorlooptijden/
    'netwerk:lobby_contact_add': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/public-affairs/1/contact/
    'netwerk:lobby_dossier_confidentiality': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/public-affairs/1/vertrouwelijkheid/
    'netwerk:lobby_dossier_create': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /netwerk/public-affairs/nieuw/
    'netwerk:lobby_dossier_edit': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /netwerk/public-affairs/<pk>/bewerken/ (a carrier reads, does not edit)
    'netwerk:lobby_dossier_detail': ('login', '404', '200', '404', '404', '404', '200', '200'),  # /netwerk/public-affairs/1/
    'netwerk:lobby_dossier_list': ('login', '404', '200', '200', '404', '404', '200', '200'),  # /netwerk/public-affairs/
    'netwerk:lobby_dossier_publish': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/public-affairs/1/publiceren/
    'netwerk:opportunity_create': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /netwerk/kansen/nieuw/
    'netwerk:opportunity_decide': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/kansen/1/besluit/
    'netwerk:opportunity_edit': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /netwerk/kansen/<pk>/bewerken/
    'netwerk:opportunity_detail': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /netwerk/kansen/1/
    'netwerk:opportunity_list': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /netwerk/kansen/
    'netwerk:opportunity_step_add': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/kansen/1/stap/
    'netwerk:outcome_create': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/opbrengsten/nieuw/
    'netwerk:outcome_edit': ('login', '404', '404', '404', '404', '404', '404', '404'),  # /netwerk/opbrengsten/1/
    'netwerk:outcome_list': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /netwerk/opbrengsten/
    'netwerk:outcomes_public': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /netwerk/wat-elke-regio-krijgt/
    'netwerk:outcomes_public_csv': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /netwerk/wat-elke-regio-krijgt.csv
    'netwerk:project_create': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/regio-deal/projecten/nieuw/
    'netwerk:project_detail': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /netwerk/regio-deal/projecten/1/
    'netwerk:project_image_add': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/regio-deal/projecten/1/beeld/
    'netwerk:project_list': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /netwerk/regio-deal/projecten/
    'netwerk:project_review': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/regio-deal/projecten/1/beoordeling/
    'netwerk:public_affairs': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /netwerk/public-affairs/openbaar/
    'netwerk:regio_deal': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /netwerk/regio-deal/
    'netwerk:regio_deal_image': ('404', '404', '404', '404', '404', '404', '200', '200'),  # /netwerk/regio-deal/beeld/1/
    'netwerk:related_table_create': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/verbonden-tafels/nieuw/
    'netwerk:related_tables': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /netwerk/verbonden-tafels/
    'netwerk:spanner_detail': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /netwerk/grensverkenners/1/
    'netwerk:spanner_list': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /netwerk/grensverkenners/
    'netwerk:spanner_report_download': ('login', '404', '404', '404', '404', '404', '404', '404'),  # /netwerk/grensverkenners/1/rapport/<month>.pdf
    'netwerk:spanner_report_request': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/grensverkenners/1/rapport/
    'netwerk:spanner_set': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/grensverkenners/instellen/
    'netwerk:step_done': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/kansen/stappen/1/gedaan/
    'netwerk:step_remove': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /netwerk/kansen/stappen/1/verwijderen/
    'openid_connect_callback': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /account/oidc/<id>/login/callback/
    'openid_connect_login': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /account/oidc/<id>/login/
    'oparl:agenda_item': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/oparl/agenda-item/<closed item> (never published)
    'oparl:agenda_item_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/body/nhn/agenda-items/
    'oparl:body': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/body/nhn/
    'oparl:body_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/bodies/
    'oparl:consultation': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/consultation/<public consultation>/
    'oparl:consultation_file': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/consultation/<public consultation>/file/consultatie/
    'oparl:file': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/oparl/file/<confidential stuk> (never published)
    'oparl:file_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/body/nhn/files/
    'oparl:legislative_term': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/legislative-term/2022/
    'oparl:legislative_term_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/body/nhn/legislative-terms/
    'oparl:meeting': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/meeting/<id>/
    'oparl:meeting_location': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/meeting/<public meeting>/location/
    'oparl:meeting_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/body/nhn/meetings/
    'oparl:membership': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/membership/<a bestuurder's seat>/
    'oparl:membership_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/body/nhn/memberships/
    'oparl:organization': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/organization/<id>/
    'oparl:organization_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/body/nhn/organizations/
    'oparl:organization_meeting_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/organization/<id>/meetings/
    'oparl:paper': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/oparl/paper/<confidential stuk> (never published)
    'oparl:paper_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/body/nhn/papers/
    'oparl:person': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/person/<a bestuurder>/
    'oparl:person_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/body/nhn/persons/
    'oparl:system': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/oparl/
    'ori:aanwezige_deelnemer-detail': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/aanwezigedeelnemers/<registration before the meeting> (never published)
    'ori:aanwezige_deelnemer-list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/aanwezigedeelnemers
    'ori:agendapunt-detail': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/agendapunten/<closed item> (never published)
    'ori:agendapunt-list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/agendapunten
    'ori:besluit-detail': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/besluiten/<id>
    'ori:besluit-list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/besluiten
    'ori:dagelijksbestuurlidmaatschappen-niet_geleverd': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/dagelijksbestuurlidmaatschappen (a collection of the standard not served)
    'ori:dagelijksbestuurlidmaatschappen-niet_geleverd_detail': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/dagelijksbestuurlidmaatschappen/x (a collection of the standard not served)
    'ori:dagelijks_bestuur-list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/dagelijksebesturen
    'ori:dagelijks_bestuur-detail': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/dagelijksebesturen/<the bestuurder's municipality> (its college)
    'ori:fractielidmaatschappen-niet_geleverd': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/fractielidmaatschappen (a collection of the standard not served)
    'ori:fractielidmaatschappen-niet_geleverd_detail': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/fractielidmaatschappen/x (a collection of the standard not served)
    'ori:fracties-niet_geleverd': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/fracties (a collection of the standard not served)
    'ori:fracties-niet_geleverd_detail': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/fracties/x (a collection of the standard not served)
    'ori:indieners-niet_geleverd': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/indieners (a collection of the standard not served)
    'ori:indieners-niet_geleverd_detail': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/indieners/x (a collection of the standard not served)
    'ori:informatieobject-detail': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/informatieobjecten/<confidential stuk> (never published)
    'ori:informatieobject-list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/informatieobjecten
    'ori:mediabronnen-niet_geleverd': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/mediabronnen (a collection of the standard not served)
    'ori:mediabronnen-niet_geleverd_detail': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/mediabronnen/x (a collection of the standard not served)
    'ori:natuurlijk_persoon-detail': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/natuurlijkpersonen/<bestuurder>
    'ori:natuurlijk_persoon-list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/natuurlijkpersonen
    'ori:not_found': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/.* (any other path: the standard's 404)
    'ori:openapi': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/openapi.json
    'ori:organisatorische_eenheid-detail': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/organisatorische_eenheden/<id>
    'ori:organisatorische_eenheid-list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/organisatorische_eenheden
    'ori:root': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/
    'ori:spreekfragmenten-niet_geleverd': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/spreekfragmenten (a collection of the standard not served)
    'ori:spreekfragmenten-niet_geleverd_detail': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/spreekfragmenten/x (a collection of the standard not served)
    'ori:stem-detail': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/stemmen/1 (no vote in the fixture world)
    'ori:stem-list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/stemmen
    'ori:stemming-detail': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/stemmingen/1 (no vote in the fixture world)
    'ori:stemming-list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/stemmingen
    'ori:stemresultatenperfractie-niet_geleverd': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/stemresultatenperfractie (a collection of the standard not served)
    'ori:stemresultatenperfractie-niet_geleverd_detail': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /api/ori/v2/stemresultatenperfractie/x (a collection of the standard not served)
    'ori:vergadering-detail': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/vergaderingen/<id>
    'ori:vergadering-list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /api/ori/v2/vergaderingen
    'platforms:scenario_detail': ('login', '404', '404', '404', '404', '404', '404', '200'),  # /themas/groeiscenarios/economic-board/
    'platforms:scenario_list': ('login', '404', '404', '404', '404', '404', '404', '200'),  # /themas/groeiscenarios/
    'publiek_diwoo_sitemap': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /sitemaps/diwoo.xml
    'publiek_sitemap': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /sitemap.xml
    'platforms:theme_detail': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /themas/wonen/
    'publiek:body_detail': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /openbaar/gremia/platform-wonen-test/
    'publiek:council_calendar': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /openbaar/gemeenten/gemeente-texel/vergaderingen.ics
    'publiek:council_feed': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /openbaar/gemeenten/gemeente-texel/feed.atom
    'publiek:decision_detail': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /openbaar/besluiten/<id>/
    'publiek:body_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /openbaar/gremia/
    'publiek:letter_detail': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /openbaar/raadsinformatiebrieven/<id>/
    'publiek:letter_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /openbaar/raadsinformatiebrieven/
    'publiek:meeting_archive': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /openbaar/gremia/platform-wonen-test/archief/<year>/
    'publiek:search': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /openbaar/zoeken/
    'rules:rules_adopt': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/spelregels/1/vaststellen/
    'robots_txt': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /robots.txt
    'raden:dashboard': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /raden/verspreiding/
    'raden:dashboard_csv': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /raden/verspreiding.csv
    'raden:delivery_confirm': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /raden/brieven/<id>/ontvangst/
    'raden:delivery_detail': ('login', '404', '404', '404', '200', '404', '200', '200'),  # /raden/brieven/<id>/
    'raden:delivery_discussion_add': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /raden/brieven/<id>/behandeling/
    'raden:delivery_download': ('login', '404', '404', '404', '200', '404', '200', '200'),  # /raden/brieven/<id>/download/
    'raden:delivery_motion': ('login', '404', '404', '404', '200', '404', '200', '200'),  # /raden/brieven/<id>/motie/<id>/ (the Texel council's motion)
    'raden:delivery_retry': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /raden/brieven/<id>/opnieuw-maken/
    'raden:delivery_schedule': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /raden/brieven/<id>/geagendeerd/
    'raden:delivery_take_note': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /raden/brieven/<id>/kennisname/
    'raden:gathering_create': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /raden/bijeenkomsten/nieuw/
    'raden:gathering_detail': ('login', '404', '404', '404', '200', '200', '200', '200'),  # /raden/bijeenkomsten/<id>/
    'raden:gathering_edit': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /raden/bijeenkomsten/<id>/bewerken/
    'raden:gathering_invitation': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /raden/bijeenkomsten/uitnodiging/<token>/
    'raden:gathering_invite': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /raden/bijeenkomsten/<id>/uitnodigen/
    'raden:gathering_list': ('login', '404', '404', '404', '200', '200', '200', '200'),  # /raden/bijeenkomsten/
    'raden:index': ('login', '404', '404', '404', '200', '200', '200', '200'),  # /raden/
    'raden:letter_adopt': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /raden/raadsinformatiebrieven/<id>/vaststellen/
    'raden:letter_correct': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /raden/raadsinformatiebrieven/<id>/herzien/
    'raden:letter_create': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /raden/vergadering/<id>/nieuw/
    'raden:letter_detail': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /raden/raadsinformatiebrieven/<id>/
    'raden:letter_issue': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /raden/raadsinformatiebrieven/<id>/verzenden/
    'raden:letter_item_add': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /raden/raadsinformatiebrieven/<id>/punten/
    'raden:letter_item_remove': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /raden/raadsinformatiebrieven/punten/<id>/verwijderen/
    'raden:letter_paragraph': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /raden/raadsinformatiebrieven/<id>/basisregio/
    'raden:office_copies': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /raden/basisregio/
    'raden:office_copy_download': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /raden/basisregio/<id>/download/
    'raden:preference': ('login', '404', '404', '404', '200', '200', '200', '200'),  # /raden/voorkeur/
    'raden:registration_attendance': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /raden/bijeenkomsten/aanmeldingen/<id>/aanwezig/
    'raden:registration_cancel': ('405', '405', '405', '405', '405', '405', '405', '405'),  # /raden/aanmelding/<token>/afmelden/
    'raden:registration_link': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /raden/aanmelding/<token>/
    'raden:registration_register': ('405', '405', '405', '405', '405', '405', '405', '405'),  # /raden/aanmelding/<token>/aanmelden/
    'regiobureau:action_create': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/<id>/acties/nieuw/
    'regiobureau:action_status': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/acties/<id>/status/
    'regiobureau:agenda_editor': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/<id>/agenda/
    'regiobureau:agenda_reorder': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/<id>/agenda/volgorde/
    'regiobureau:agenda_move': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/<id>/agenda/verplaatsen/
    'regiobureau:annotation_edit': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/agendapunten/<id>/annotatie/
    'regiobureau:annotation_request_review': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/agendapunten/<id>/annotatie/review-aanvragen/
    'regiobureau:annotation_review': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/agendapunten/<id>/annotatie/beoordelen/
    'regiobureau:annotation_status': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/agendapunten/<id>/annotatie/status/
    'regiobureau:annotation_versions': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/agendapunten/<id>/annotatie/versies/
    'regiobureau:attendance_record': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/<id>/presentie/
    'regiobureau:attendance_register': ('login', '404', '200', '404', '404', '404', '404', '404'),  # /vergaderingen/<id>/aanmelden/
    'regiobureau:calendar': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/
    'regiobureau:calendar_subscription': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/agenda-abonnement/
    'regiobureau:calendar_token_rotate': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/agenda-abonnement/nieuw/
    'regiobureau:comment_add': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/agendapunten/<id>/reacties/
    'regiobureau:comment_resolve': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/reacties/<id>/afgehandeld/
    'regiobureau:decision_create': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/<id>/besluiten/nieuw/
    'regiobureau:decision_delete': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/besluiten/<id>/verwijderen/
    'regiobureau:decision_list_adopt': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/<id>/besluitenlijst/vaststellen/
    'regiobureau:document_confidentiality': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/stukken/<id>/vertrouwelijkheid/
    'regiobureau:document_detail': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/stukken/<id>/
    'regiobureau:document_download': ('404', '404', '200', '404', '404', '404', '200', '200'),  # /vergaderingen/stukken/<id>/download/
    'regiobureau:document_download_archival': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /vergaderingen/stukken/<id>/archief.pdf
    'regiobureau:document_version_download': ('404', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/stukken/<id>/download/v1/
    'regiobureau:document_version_upload': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/stukken/<id>/versie/
    'regiobureau:dossier_detail': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/dossiers/woondeal/
    'regiobureau:dossier_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/dossiers/
    'evaluation:evaluation_body': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/evaluatie/platform-wonen-test/
    'evaluation:evaluation_form': ('login', '404', '200', '404', '404', '404', '404', '404'),  # /vergaderingen/<id>/evaluatie/ (a held meeting the member sat at)
    'evaluation:evaluation_index': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/evaluatie/
    'evaluation:evaluation_summary_download': ('login', '404', '404', '404', '404', '404', '404', '404'),  # /vergaderingen/evaluatie/<slug>/<period>/samenvatting.pdf (no summary PDF in this world: 404 for all)
    'evaluation:evaluation_summary_place': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/evaluatie/platform-wonen-test/2025-h1/agenderen/
    'evaluation:evaluation_summary_request': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/evaluatie/platform-wonen-test/2025-h1/pdf/
    'regiobureau:feed_body': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/feeds/gremium/platform-wonen-test.ics
    'regiobureau:feed_personal': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/feeds/persoonlijk/<token>.ics
    'regiobureau:item_create': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/<id>/agenda/punten/
    'regiobureau:item_delete': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/agendapunten/<id>/verwijderen/
    'regiobureau:item_detail': ('404', '404', '200', '404', '404', '404', '200', '200'),  # /vergaderingen/agendapunten/<id>/
    'regiobureau:item_documents': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/agendapunten/<id>/stukken/
    'regiobureau:item_edit': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/agendapunten/<id>/wijzigen/
    'regiobureau:item_reading': ('login', '404', '200', '404', '404', '404', '200', '200'),  # /vergaderingen/agendapunten/<id>/lezen/
    'regiobureau:item_read': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/agendapunten/<id>/gelezen/
    'regiobureau:meeting_archive': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/archief/
    'regiobureau:meeting_cancel': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/<id>/annuleren/
    'regiobureau:meeting_create': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/nieuw/
    'regiobureau:meeting_decisions': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/<id>/besluiten/
    'regiobureau:meeting_decision_list_public': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /vergaderingen/<id>/besluitenlijst.pdf
    'regiobureau:meeting_bundle_public': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /vergaderingen/<id>/vergaderbundel.pdf
    'regiobureau:meeting_detail': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/<id>/
    'regiobureau:meeting_edit': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/<id>/wijzigen/
    'regiobureau:meeting_pdf_download': ('login', '404', '200', '404', '404', '404', '200', '200'),  # /vergaderingen/<id>/pdf/geannoteerde_agenda/leden/
    'regiobureau:meeting_pdf_public': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/<id>/agenda.pdf
    'regiobureau:meeting_pdf_request': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/<id>/pdf/
    'regiobureau:meeting_pdf_retry': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/<id>/pdf/opdrachten/<id>/opnieuw/
    'regiobureau:meeting_pdf_status': ('login', '404', '404', '404', '404', '404', '302', '302'),  # /vergaderingen/<id>/pdf/status/
    'regiobureau:meeting_pdf_version_download': ('login', '404', '200', '404', '404', '404', '200', '200'),  # /vergaderingen/<id>/pdf/geannoteerde_agenda/leden/v1/
    'regiobureau:meeting_publish': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/<id>/publiceren/
    'regiobureau:meeting_reading': ('login', '404', '200', '404', '404', '404', '200', '200'),  # /vergaderingen/<id>/lezen/
    'regiobureau:meeting_status': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/<id>/status/
    'middelen:cost_key': ('login', '404', '404', '404', '404', '404', '404', '404'),  # /middelen/kostenverdeling/1/ (no cost key of year 1 in the fixture world)
    'middelen:cost_key_current': ('login', '302', '302', '302', '302', '302', '302', '302'),  # /middelen/kostenverdeling/ (to this year's page)
    'middelen:cost_key_csv': ('login', '404', '404', '404', '404', '404', '404', '404'),  # /middelen/kostenverdeling/1/csv/
    'middelen:cost_key_xlsx': ('login', '404', '404', '404', '404', '404', '404', '404'),  # /middelen/kostenverdeling/1/xlsx/
    'middelen:cost_key_new': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /middelen/kostenverdeling/nieuw/ (the secretariat drafts a cost key)
    'middelen:cost_key_adopt': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /middelen/kostenverdeling/1/vaststellen/
    'middelen:core_message': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /middelen/kernboodschap/ (public: the adopted versions)
    'middelen:core_message_create': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /middelen/kernboodschap/nieuw/
    'middelen:core_message_adopt': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /middelen/kernboodschap/1/vaststellen/
    'middelen:core_message_pdf': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /middelen/kernboodschap/pdf/ (no adopted core message in the fixture world)
    'minutes:minutes_adopt': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/<id>/verslag/vaststellen/
    'minutes:minutes_comment': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/<id>/verslag/reageren/
    'minutes:minutes_detail': ('404', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/<id>/verslag/ (no minutes in this world: only the secretariat's empty page)
    'minutes:minutes_edit': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/<id>/verslag/schrijven/
    'minutes:minutes_entry_save': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/agendapunten/<id>/verslag/
    'minutes:minutes_history': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/<id>/verslag/versies/
    'minutes:minutes_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/verslagen/
    'minutes:minutes_send': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/<id>/verslag/versturen/
    'regiobureau:my_actions': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/mijn/acties/
    'regiobureau:my_comments': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/mijn/reacties/
    'regiobureau:my_meetings': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/mijn/
    'planning:planning': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/jaarplanning/
    'planning:planning_create': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/jaarplanning/nieuw/
    'planning:planning_delete': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/jaarplanning/<id>/verwijderen/
    'planning:planning_schedule': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/jaarplanning/<id>/agenderen/
    'planning:proposal_accept': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/aangeleverd/<id>/accepteren/
    'planning:proposal_download': ('login', '404', '404', '404', '404', '404', '404', '404'),  # /vergaderingen/aangeleverd/<id>/download/ (no handed-in stuk in this world)
    'planning:proposal_list': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/<id>/aanleveren/ (the matrix's ambtenaar sits on no preparing body)
    'planning:proposal_return': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/aangeleverd/<id>/terugsturen/
    'planning:series_create': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/reeksen/nieuw/
    'planning:series_detail': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/reeksen/<id>/
    'planning:series_list': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/reeksen/
    'rounds:round_close': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/schriftelijk/<id>/sluiten/
    'rounds:round_create': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /vergaderingen/schriftelijk/nieuw/
    'rounds:round_detail': ('login', '404', '404', '404', '404', '404', '404', '404'),  # /vergaderingen/schriftelijk/<id>/ (no round in this world: 404 for all)
    'rounds:round_list': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/schriftelijk/
    'rounds:round_vote_link': ('403', '403', '403', '403', '403', '403', '403', '403'),  # /vergaderingen/schriftelijk/stem/<token>/ (a forged token)
    'socialaccount_connections': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /account/3rdparty/
    'socialaccount_login_cancelled': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /account/3rdparty/login/cancelled/
    'socialaccount_login_error': ('login', '401', '401', '401', '401', '401', '401', '401'),  # /account/3rdparty/login/error/
    'socialaccount_signup': ('login', 'login', 'login', 'login', 'login', 'login', 'login', 'login'),  # /account/3rdparty/signup/
    # The viewer: the confidential stuk and the members' PDF as their downloads; the notes' forms
    # answer POST only; the export lists one's own notes of a meeting one may see.
    'viewer:document_note_create': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/stukken/2/lezen/notities/
    'viewer:document_read': ('login', '404', '200', '404', '404', '404', '200', '200'),  # /vergaderingen/stukken/2/lezen/
    'viewer:generated_file': ('login', '404', '200', '404', '404', '404', '200', '200'),  # /vergaderingen/pdf/2/bestand/
    'viewer:generated_note_create': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/pdf/2/lezen/notities/
    'viewer:generated_read': ('login', '404', '200', '404', '404', '404', '200', '200'),  # /vergaderingen/pdf/2/lezen/
    'viewer:note_delete': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/notities/1/verwijderen/
    'viewer:note_update': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vergaderingen/notities/1/wijzigen/
    'viewer:notes_export': ('login', '200', '200', '200', '200', '200', '200', '200'),  # /vergaderingen/1/notities.md
    '/beheer/gremia/conductambassador/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/conductambassador/x/y/
    '/beheer/verkiezingen/election/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/verkiezingen/election/x/y/
    '/beheer/verkiezingen/succession/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/verkiezingen/succession/x/y/
    'admin:gremia_conductambassador_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/conductambassador/add/
    'admin:gremia_conductambassador_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/conductambassador/x/y/change/
    'admin:gremia_conductambassador_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/gremia/conductambassador/
    'admin:gremia_conductambassador_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/conductambassador/x/y/delete/
    'admin:gremia_conductambassador_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/gremia/conductambassador/x/y/history/
    'admin:verkiezingen_election_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/verkiezingen/election/add/
    'admin:verkiezingen_election_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/verkiezingen/election/x/y/change/
    'admin:verkiezingen_election_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/verkiezingen/election/
    'admin:verkiezingen_election_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/verkiezingen/election/x/y/delete/
    'admin:verkiezingen_election_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/verkiezingen/election/x/y/history/
    'admin:verkiezingen_succession_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/verkiezingen/succession/add/
    'admin:verkiezingen_succession_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/verkiezingen/succession/x/y/change/
    'admin:verkiezingen_succession_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/verkiezingen/succession/
    'admin:verkiezingen_succession_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/verkiezingen/succession/x/y/delete/
    'admin:verkiezingen_succession_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/verkiezingen/succession/x/y/history/
    'verkiezingen:election_create': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /verkiezingen/nieuw/
    'verkiezingen:election_detail': ('login', '404', '404', '404', '404', '404', '404', '404'),  # /verkiezingen/1/
    'verkiezingen:election_list': ('login', '404', '404', '404', '404', '404', '200', '200'),  # /verkiezingen/
    'verkiezingen:induction_pack': ('404', '404', '404', '404', '404', '404', '404', '404'),  # /verkiezingen/pakket/x/
    'verkiezingen:induction_pack_download': ('login', '404', '404', '404', '404', '404', '404', '404'),  # /verkiezingen/introductiepakket/1/
    'verkiezingen:successor_record': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /verkiezingen/1/opvolger/
    'vragen:public_detail': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /vragen/openbaar/1/
    'vragen:public_list': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /vragen/openbaar/
    'vragen:question_answer': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vragen/1/antwoord/
    'vragen:question_assign': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vragen/1/toewijzen/
    'vragen:question_create': ('login', '404', '404', '404', '200', '200', '200', '200'),  # /vragen/nieuw/
    'vragen:question_detail': ('login', '404', '404', '404', '200', '404', '200', '200'),  # /vragen/1/
    'vragen:question_link': ('200', '200', '200', '200', '200', '200', '200', '200'),  # /vragen/stel/<token>/ (the Texel member's personal question link)
    'vragen:question_link_send': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vragen/vraaglink/1/verstuur/
    'vragen:question_list': ('login', '404', '404', '404', '200', '200', '200', '200'),  # /vragen/
    'vragen:question_review': ('login', '405', '405', '405', '405', '405', '405', '405'),  # /vragen/1/beoordelen/
    '/beheer/vragen/councilquestion/x/y/': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/vragen/councilquestion/x/y/
    'admin:vragen_councilquestion_add': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/vragen/councilquestion/add/
    'admin:vragen_councilquestion_change': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/vragen/councilquestion/x/y/change/
    'admin:vragen_councilquestion_changelist': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '200'),  # /beheer/vragen/councilquestion/
    'admin:vragen_councilquestion_delete': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '403'),  # /beheer/vragen/councilquestion/x/y/delete/
    'admin:vragen_councilquestion_history': ('login', 'login', 'login', 'login', 'login', 'login', 'login', '302'),  # /beheer/vragen/councilquestion/x/y/history/
}
# fmt: on

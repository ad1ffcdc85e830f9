from django.db import migrations

ROLES = ["secretaris", "bestuurder", "ambtenaar", "griffie", "beheerder"]


def seed_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(seed_roles, migrations.RunPython.noop)]

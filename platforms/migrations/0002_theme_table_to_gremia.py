# The architecture issue moves Theme into the registry (gremia): registry data that bodies and
# dossiers point at. Step 1 of 3: the table gets gremia's name (the rows stay where they are).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("platforms", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="theme", table="gremia_theme"),
    ]

# Step 3 of 3: platforms no longer has a Theme model (gremia.Theme owns the table now).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("platforms", "0002_theme_table_to_gremia"),
        ("gremia", "0002_theme"),
        ("regiobureau", "0004_dossier_theme_in_gremia"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Theme")],
            database_operations=[],
        ),
    ]

# Step 2b of moving Theme to gremia: a dossier's theme points at gremia.Theme (the same table,
# renamed by platforms.0002; nothing changes in the database).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("gremia", "0002_theme"),
        ("regiobureau", "0003_meeting_members_notified_at"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="dossier",
                    name="theme",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=models.deletion.SET_NULL,
                        related_name="dossiers",
                        to="gremia.theme",
                        verbose_name="theme",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]

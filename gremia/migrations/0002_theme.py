# Step 2 of 3 of moving Theme from platforms to gremia: gremia takes over the model whose
# table platforms.0002 renamed; no rows are copied. The content type follows, so existing audit
# records and permissions keep pointing at the themes.

from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="gremia", model="theme").exists():
        ContentType.objects.filter(app_label="platforms", model="theme").update(app_label="gremia")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("gremia", "0001_initial"),
        ("platforms", "0002_theme_table_to_gremia"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Theme",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created at"),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="updated at"),
                        ),
                        ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                        ("slug", models.SlugField(max_length=100, unique=True, verbose_name="slug")),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                    ],
                    options={
                        "verbose_name": "theme",
                        "verbose_name_plural": "themes",
                        "ordering": ["name"],
                    },
                ),
                migrations.AlterField(
                    model_name="body",
                    name="theme",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=models.deletion.PROTECT,
                        related_name="bodies",
                        to="gremia.theme",
                        verbose_name="theme",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]

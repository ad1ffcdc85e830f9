"""The adoption of the rules of play, moved out of regiobureau: the state takes it over, the
table stays where it is (Meta.db_table) and its content type follows it."""

import django.db.models.deletion
from django.db import migrations, models


MOVED = ['rulesadoption']


def content_types_to(app_label: str, from_label: str):
    """Move the content types of the moved models, so audit records, generated PDFs and search
    entries that point at them (by content type) keep pointing at the same rows."""

    def move(apps, schema_editor):
        content_type = apps.get_model("contenttypes", "ContentType")
        content_type.objects.filter(app_label=from_label, model__in=MOVED).update(
            app_label=app_label
        )

    return move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('gremia', '0004_rules_agreement_norms'),
        ('regiobureau', '0014_models_moved_to_their_apps'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # No table changes: the tables keep their names and rows (Meta.db_table).
            database_operations=[],
            state_operations=[
            migrations.CreateModel(
                name='RulesAdoption',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                    ('decision', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='rules_adoptions', to='regiobureau.decision', verbose_name='decision')),
                    ('rules', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='adoption', to='gremia.rulesofplay', verbose_name='rules of play')),
                ],
                options={
                    'verbose_name': 'adoption of rules of play',
                    'verbose_name_plural': 'adoptions of rules of play',
                    'db_table': 'regiobureau_rulesadoption',
                },
            ),
            ],
        ),
        migrations.RunPython(
            content_types_to("rules", "regiobureau"), content_types_to("regiobureau", "rules")
        ),
    ]

"""The planning models, moved out of regiobureau: the state takes them over, the tables stay
where they are (Meta.db_table) and their content types follow them."""

import django.db.models.deletion
import planning.models
from django.conf import settings
from django.db import migrations, models


MOVED = ['plannedtopic', 'proposeddocument']


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
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # No table changes: the tables keep their names and rows (Meta.db_table).
            database_operations=[],
            state_operations=[
            migrations.CreateModel(
                name='PlannedTopic',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                    ('month', models.DateField(help_text='The first day of the month.', verbose_name='month')),
                    ('title', models.CharField(max_length=300, verbose_name='topic')),
                    ('council_letter', models.BooleanField(default=False, verbose_name='council information letter moment')),
                    ('note', models.TextField(blank=True, verbose_name='note')),
                    ('agenda_item', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='planned_topic', to='regiobureau.agendaitem', verbose_name='agenda item')),
                    ('body', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='planned_topics', to='gremia.body', verbose_name='body')),
                    ('dossier', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='planned_topics', to='regiobureau.dossier', verbose_name='dossier')),
                ],
                options={
                    'verbose_name': 'planned topic',
                    'verbose_name_plural': 'planned topics',
                    'db_table': 'regiobureau_plannedtopic',
                    'ordering': ['month', 'body__name', 'pk'],
                    'indexes': [models.Index(fields=['month', 'body'], name='regiobureau_month_f899b0_idx')],
                },
            ),
            migrations.CreateModel(
                name='ProposedDocument',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                    ('title', models.CharField(max_length=300, verbose_name='title')),
                    ('item_title', models.CharField(blank=True, max_length=300, verbose_name='proposed agenda item')),
                    ('file', models.FileField(max_length=300, upload_to=planning.models.proposal_upload_to, verbose_name='file')),
                    ('original_name', models.CharField(max_length=255, verbose_name='file name')),
                    ('content_type', models.CharField(max_length=120, verbose_name='content type')),
                    ('arrived_late', models.BooleanField(default=False, verbose_name='handed in after the deadline')),
                    ('status', models.CharField(choices=[('aangeleverd', 'Handed in'), ('geaccepteerd', 'Accepted'), ('teruggestuurd', 'Returned')], default='aangeleverd', max_length=20, verbose_name='status')),
                    ('remark', models.TextField(blank=True, verbose_name='remark of the secretariat')),
                    ('document', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='proposal', to='regiobureau.document', verbose_name='stuk')),
                    ('from_body', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='proposals_made', to='gremia.body', verbose_name='from body')),
                    ('item', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='proposals', to='regiobureau.agendaitem', verbose_name='for agenda item')),
                    ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='proposals', to='regiobureau.meeting', verbose_name='meeting')),
                    ('proposed_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='handed in by')),
                ],
                options={
                    'verbose_name': 'handed-in stuk',
                    'verbose_name_plural': 'handed-in stukken',
                    'db_table': 'regiobureau_proposeddocument',
                    'ordering': ['meeting', '-created_at'],
                    'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('status', 'teruggestuurd'), _negated=True), models.Q(('remark', ''), _negated=True), _connector='OR'), name='proposal_returned_has_remark', violation_error_message='Say why the stuk is returned.')],
                },
            ),
            ],
        ),
        migrations.RunPython(
            content_types_to("planning", "regiobureau"), content_types_to("regiobureau", "planning")
        ),
    ]

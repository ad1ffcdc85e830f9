"""The evaluation models, moved out of regiobureau: the state takes them over, the tables stay
where they are (Meta.db_table) and their content types follow them."""

import django.db.models.deletion
import uuid
from django.db import migrations, models


MOVED = ['evaluationanswer', 'evaluationreceipt', 'evaluationinvitation', 'evaluationsummary']


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
                name='EvaluationAnswer',
                fields=[
                    ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                    ('useful', models.PositiveSmallIntegerField(choices=[(1, 'Not at all'), (2, 'Hardly'), (3, 'Partly'), (4, 'Mostly'), (5, 'Fully')], verbose_name='useful')),
                    ('heard', models.PositiveSmallIntegerField(choices=[(1, 'Not at all'), (2, 'Hardly'), (3, 'Partly'), (4, 'Mostly'), (5, 'Fully')], verbose_name='every sub-region heard')),
                    ('pace', models.CharField(choices=[('versnellen', 'Accelerate: push on'), ('in_balans', 'In balance'), ('verbreden', 'Broaden: take more partners along')], max_length=20, verbose_name='pace')),
                    ('remark', models.TextField(blank=True, max_length=1000, verbose_name='remark')),
                    ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evaluation_answers', to='regiobureau.meeting', verbose_name='meeting')),
                ],
                options={
                    'verbose_name': 'evaluation answer',
                    'verbose_name_plural': 'evaluation answers',
                    'db_table': 'regiobureau_evaluationanswer',
                    'ordering': ['meeting', 'id'],
                },
            ),
            migrations.CreateModel(
                name='EvaluationInvitation',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                    ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evaluation_invitations', to='regiobureau.meeting', verbose_name='meeting')),
                    ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='evaluation_invitations', to='gremia.person', verbose_name='person')),
                ],
                options={
                    'verbose_name': 'evaluation invitation',
                    'verbose_name_plural': 'evaluation invitations',
                    'db_table': 'regiobureau_evaluationinvitation',
                    'ordering': ['meeting', 'person__name'],
                    'constraints': [models.UniqueConstraint(fields=('meeting', 'person'), name='evaluation_one_invitation_per_person')],
                },
            ),
            migrations.CreateModel(
                name='EvaluationReceipt',
                fields=[
                    ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                    ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evaluation_receipts', to='regiobureau.meeting', verbose_name='meeting')),
                    ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='evaluation_receipts', to='gremia.person', verbose_name='person')),
                ],
                options={
                    'verbose_name': 'evaluation receipt',
                    'verbose_name_plural': 'evaluation receipts',
                    'db_table': 'regiobureau_evaluationreceipt',
                    'ordering': ['meeting', 'person__name'],
                    'constraints': [models.UniqueConstraint(fields=('meeting', 'person'), name='evaluation_one_answer_per_person')],
                },
            ),
            migrations.CreateModel(
                name='EvaluationSummary',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                    ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                    ('half', models.PositiveSmallIntegerField(choices=[(1, 'first half'), (2, 'second half')], verbose_name='half year')),
                    ('agenda_item', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='evaluation_summaries', to='regiobureau.agendaitem', verbose_name='agenda item')),
                    ('body', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='evaluation_summaries', to='gremia.body', verbose_name='body')),
                ],
                options={
                    'verbose_name': 'evaluation summary',
                    'verbose_name_plural': 'evaluation summaries',
                    'db_table': 'regiobureau_evaluationsummary',
                    'ordering': ['body__name', '-year', '-half'],
                    'constraints': [models.UniqueConstraint(fields=('body', 'year', 'half'), name='evaluation_summary_per_half_year')],
                },
            ),
            ],
        ),
        migrations.RunPython(
            content_types_to("evaluation", "regiobureau"), content_types_to("regiobureau", "evaluation")
        ),
    ]

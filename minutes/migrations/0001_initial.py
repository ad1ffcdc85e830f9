"""The minutes models, moved out of regiobureau: the state takes them over, the tables stay
where they are (Meta.db_table) and their content types follow them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MOVED = ['minutes', 'minutesentry', 'minutesrevision', 'minutescomment']


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
        ('regiobureau', '0014_models_moved_to_their_apps'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # No table changes: the tables keep their names and rows (Meta.db_table).
            database_operations=[],
            state_operations=[
            migrations.CreateModel(
                name='Minutes',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                    ('status', models.CharField(choices=[('concept', 'Draft'), ('ter_commentaar', 'Sent for comments'), ('vastgesteld', 'Adopted')], default='concept', max_length=20, verbose_name='status')),
                    ('comment_deadline', models.DateField(blank=True, null=True, verbose_name='comments until')),
                    ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent at')),
                    ('adopted_at', models.DateTimeField(blank=True, null=True, verbose_name='adopted at')),
                    ('adopted_in', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='adopted_minutes', to='regiobureau.meeting', verbose_name='adopted in meeting')),
                    ('meeting', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='minutes', to='regiobureau.meeting', verbose_name='meeting')),
                ],
                options={
                    'verbose_name': 'minutes',
                    'verbose_name_plural': 'minutes',
                    'db_table': 'regiobureau_minutes',
                },
            ),
            migrations.CreateModel(
                name='MinutesEntry',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                    ('text', models.TextField(blank=True, verbose_name='account')),
                    ('version', models.PositiveIntegerField(default=0, verbose_name='version')),
                    ('item', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='minutes_entries', to='regiobureau.agendaitem', verbose_name='agenda item')),
                    ('minutes', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='minutes.minutes', verbose_name='minutes')),
                ],
                options={
                    'verbose_name': 'minutes entry',
                    'verbose_name_plural': 'minutes entries',
                    'db_table': 'regiobureau_minutesentry',
                    'ordering': ['item__position', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='MinutesComment',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                    ('text', models.TextField(verbose_name='comment')),
                    ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='minutes_comments', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                    ('minutes', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='comments', to='minutes.minutes', verbose_name='minutes')),
                    ('entry', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='comments', to='minutes.minutesentry', verbose_name='entry')),
                ],
                options={
                    'verbose_name': 'minutes comment',
                    'verbose_name_plural': 'minutes comments',
                    'db_table': 'regiobureau_minutescomment',
                    'ordering': ['created_at', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='MinutesRevision',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('number', models.PositiveIntegerField(verbose_name='version')),
                    ('text', models.TextField(blank=True, verbose_name='account')),
                    ('status', models.CharField(choices=[('concept', 'Draft'), ('ter_commentaar', 'Sent for comments'), ('vastgesteld', 'Adopted')], max_length=20, verbose_name='status')),
                    ('saved_at', models.DateTimeField(auto_now_add=True, verbose_name='saved at')),
                    ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='minutes.minutesentry', verbose_name='entry')),
                    ('saved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='saved by')),
                ],
                options={
                    'verbose_name': 'minutes revision',
                    'verbose_name_plural': 'minutes revisions',
                    'db_table': 'regiobureau_minutesrevision',
                    'ordering': ['entry', '-number'],
                },
            ),
            migrations.AddConstraint(
                model_name='minutes',
                constraint=models.CheckConstraint(condition=models.Q(('status', 'concept'), models.Q(('comment_deadline__isnull', False), ('sent_at__isnull', False)), _connector='OR'), name='minutes_sent_has_deadline', violation_error_message='Minutes sent for comments have a term.'),
            ),
            migrations.AddConstraint(
                model_name='minutes',
                constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'vastgesteld'), _negated=True), models.Q(('adopted_at__isnull', False), ('adopted_in__isnull', False)), _connector='OR'), name='minutes_adopted_has_meeting', violation_error_message='Adopted minutes name the meeting.'),
            ),
            migrations.AddConstraint(
                model_name='minutesentry',
                constraint=models.UniqueConstraint(fields=('minutes', 'item'), name='minutes_entry_one_per_item'),
            ),
            migrations.AddConstraint(
                model_name='minutesrevision',
                constraint=models.UniqueConstraint(fields=('entry', 'number'), name='minutes_revision_unique'),
            ),
            ],
        ),
        migrations.RunPython(
            content_types_to("minutes", "regiobureau"), content_types_to("regiobureau", "minutes")
        ),
    ]

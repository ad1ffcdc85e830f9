"""The rounds models, moved out of regiobureau: the state takes them over, the tables stay
where they are (Meta.db_table) and their content types follow them."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


MOVED = ['writtenround', 'roundvote']


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
                name='WrittenRound',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                    ('title', models.CharField(max_length=300, verbose_name='title')),
                    ('proposal', models.TextField(verbose_name='proposal')),
                    ('deadline', models.DateTimeField(verbose_name='deadline')),
                    ('status', models.CharField(choices=[('open', 'Open'), ('gesloten', 'Closed')], default='open', max_length=20, verbose_name='status')),
                    ('rule', models.CharField(choices=[('consensus', 'Consensus'), ('meerderheid', 'Majority'), ('unanimiteit', 'Unanimity')], max_length=20, verbose_name='decision rule applied')),
                    ('outcome', models.CharField(blank=True, choices=[('aangenomen', 'Adopted'), ('aangehouden', 'Postponed'), ('verworpen', 'Rejected'), ('voor_kennisgeving', 'Noted'), ('geen_quorum', 'No quorum')], max_length=20, verbose_name='outcome')),
                    ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed at')),
                    ('reminded_at', models.DateTimeField(blank=True, null=True, verbose_name='reminded at')),
                    ('invited_at', models.DateTimeField(blank=True, null=True, verbose_name='members invited at')),
                    ('body', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='written_rounds', to='gremia.body', verbose_name='body')),
                    ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='put by')),
                    ('decision', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='written_round', to='regiobureau.decision', verbose_name='decision')),
                ],
                options={
                    'verbose_name': 'written round',
                    'verbose_name_plural': 'written rounds',
                    'db_table': 'regiobureau_writtenround',
                    'ordering': ['-deadline', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='RoundVote',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('choice', models.CharField(choices=[('voor', 'For'), ('tegen', 'Against'), ('onthouding', 'Abstention')], max_length=20, verbose_name='vote')),
                    ('remark', models.TextField(blank=True, verbose_name='remark')),
                    ('cast_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='cast at')),
                    ('through_link', models.BooleanField(default=False, verbose_name='through the e-mail link')),
                    ('member', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='round_votes', to='gremia.person', verbose_name='member')),
                    ('round', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='votes', to='rounds.writtenround', verbose_name='written round')),
                ],
                options={
                    'verbose_name': 'answer in a written round',
                    'verbose_name_plural': 'answers in a written round',
                    'db_table': 'regiobureau_roundvote',
                    'ordering': ['round', 'member__name'],
                },
            ),
            migrations.AddIndex(
                model_name='writtenround',
                index=models.Index(fields=['status', 'deadline'], name='regiobureau_status_70c805_idx'),
            ),
            migrations.AddConstraint(
                model_name='roundvote',
                constraint=models.UniqueConstraint(fields=('round', 'member'), name='round_vote_one_per_member'),
            ),
            ],
        ),
        migrations.RunPython(
            content_types_to("rounds", "regiobureau"), content_types_to("regiobureau", "rounds")
        ),
    ]

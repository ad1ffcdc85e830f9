"""The meeting core's demo data: the meetings and their stories (meetings.py) and the agendas
they are made from (agendas.py). Import from the module that defines a name."""

"""Document production: PDFs made in the background, stored with their history.

- `registry`: the kinds of document apps register (their `producers` modules);
- `services`: request, run, retry and sweep generation jobs (the worker's side included);
- `selectors`: the status panel's entries and access to a stored version.

Import each name from the module that defines it.
"""

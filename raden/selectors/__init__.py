"""Reads of the raden app with the griffie's isolation applied, one module per part: council
letters and their delivery (letters), council gatherings (gatherings), the councils'
preferences (preferences). Import each from the module that defines it."""

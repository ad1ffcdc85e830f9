from django.shortcuts import render


def governance_map(request):
    return render(request, "gremia/governance_map.html")

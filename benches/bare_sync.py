"""The bare client of the sync benchmark: POSTs ready-made batches of xAPI statements to an LRS.

    python3 bare_sync.py ENDPOINT USER PASSWORD BATCHES_FILE

BATCHES_FILE holds one JSON array of statements per line. Exits non-zero on any answer other
than 200 or 204. Standard library only: this is the floor a sync client cannot go below.
"""
import base64
import sys
import urllib.request

endpoint, user, password, batches = sys.argv[1:5]
auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
with open(batches, "rb") as lines:
    for body in lines:
        request = urllib.request.Request(
            endpoint + "statements",
            data=body.rstrip(b"\n"),
            method="POST",
            headers={
                "Authorization": auth,
                "X-Experience-API-Version": "1.0.3",
                "Content-Type": "application/json",
            },
        )
        with urllib.request.urlopen(request) as response:
            if response.status not in (200, 204):
                sys.exit(f"LRS answered {response.status}")

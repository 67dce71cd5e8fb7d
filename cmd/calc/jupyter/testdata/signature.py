# Prints the signature that jupyter_client, the reference implementation of
# the Jupyter protocol, gives the four JSON frames of TestSignature.
# Run with Debian's python3-jupyter-client: python3 testdata/signature.py
from jupyter_client.session import Session

s = Session(key=b"a secret key", signature_scheme="hmac-sha256")
print(s.sign([b'{"msg_id":"1"}', b"{}", b"{}", b'{"code":"1+1"}']).decode())

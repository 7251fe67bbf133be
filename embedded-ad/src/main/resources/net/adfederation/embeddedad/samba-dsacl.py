# Adds (grant) or removes (revoke) one ACE in the DACL of an object of a local Samba AD DC's
# sam.ldb, as "samba-tool dsacl set" adds one, and removes exactly it again (samba-tool 4.17 cannot).
# Usage: python3 samba-dsacl.py SMB_CONF SAM_LDB OBJECT_DN ACE grant|revoke
import sys

import ldb
from samba.auth import system_session
from samba.dcerpc import security
from samba.ndr import ndr_pack, ndr_unpack
from samba.param import LoadParm
from samba.samdb import SamDB

conf, url, dn, ace, action = sys.argv[1:6]
lp = LoadParm()
lp.load(conf)
db = SamDB(url=url, session_info=system_session(), lp=lp)
domain_sid = security.dom_sid(db.get_domain_sid())
controls = ["show_deleted:1", "sd_flags:1:4"]  # CN=Deleted Objects is itself deleted; DACL only
found = db.search(base=dn, scope=ldb.SCOPE_BASE, attrs=["nTSecurityDescriptor"], controls=controls)
sddl = ndr_unpack(security.descriptor, found[0]["nTSecurityDescriptor"][0]).as_sddl(domain_sid)
# The ACE as Samba writes it back (rights in its order), so that it is found again to revoke.
canonical = security.descriptor.from_sddl("D:" + ace, domain_sid).as_sddl(domain_sid)[2:]
if action == "grant" and canonical not in sddl:
    start = sddl.index("D:") + 2
    while sddl[start] != "(":
        start += 1
    sddl = sddl[:start] + canonical + sddl[start:]
elif action == "revoke" and canonical in sddl:
    sddl = sddl.replace(canonical, "")
else:
    sys.exit(0)
message = ldb.Message()
message.dn = ldb.Dn(db, dn)
message["nTSecurityDescriptor"] = ldb.MessageElement(
    ndr_pack(security.descriptor.from_sddl(sddl, domain_sid)), ldb.FLAG_MOD_REPLACE, "nTSecurityDescriptor")
db.modify(message, controls=controls)

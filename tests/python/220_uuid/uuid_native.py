# _uuid on libuuid: uuid.uuid1() made by uuid_generate_time_safe (version 1,
# RFC 4122 variant, unique), and the module's interface.
import _uuid
import uuid

print(sorted(n for n in dir(_uuid) if not n.startswith('__')), _uuid.has_uuid_generate_time_safe)
raw, safe = _uuid.generate_time_safe()
print(type(raw).__name__, len(raw), safe in (0, -1))
us = {uuid.uuid1() for _ in range(1000)}
u = next(iter(us))
print(len(us), u.version, u.variant, uuid._generate_time_safe is not None)

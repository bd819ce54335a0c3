"""Gainsight's SAML service-provider metadata.xml → `SpMetadata`, read by a hardened XML parser.

Public surface: `sp_metadata.read_sp_metadata` and `SpMetadata`; `safe_xml.parse_untrusted_xml`.
"""

"""The plan model (pydantic v2): every fact of Annex A, with ids on referenced parts."""

from lsip_check.model.plan import Plan

__all__ = ["Plan"]

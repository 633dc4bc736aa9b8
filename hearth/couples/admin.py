from django.contrib import admin

from hearth.couples.models import Couple, Invitation, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["user", "joined_at", "left_at"]
    readonly_fields = fields


@admin.register(Couple)
class CoupleAdmin(admin.ModelAdmin):
    list_display = ["public_id", "created_at", "ended_at", "timezone"]
    fields = ["public_id", "created_at", "ended_at", "timezone"]
    readonly_fields = ["public_id", "created_at", "ended_at"]
    inlines = [MembershipInline]

    def has_add_permission(self, request):
        return False  # couples are made by accepting an invitation


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations without their code or link token (those are secrets)."""

    list_display = ["public_id", "inviter", "created_at", "expires_at", "accepted_at", "revoked_at"]
    fields = ["public_id", "inviter", "created_at", "expires_at", "accepted_at", "revoked_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # invitations are made by their inviter

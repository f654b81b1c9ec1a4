package io.idp.platform.local;

import org.junit.jupiter.api.Test;
import pulumirpc.AliasOuterClass.Alias;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The alias URNs the engine derives from what the SDK sends. */
class EngineAliasesTest {
    static final String STACK = "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s";
    static final String CLUSTER = "urn:pulumi:s::p::platform:components:ManagementCluster::mgmt";
    static final String NETWORK = "urn:pulumi:s::p::platform:components:ManagementCluster$platform:components:Network::mgmt";

    static Alias noParent() {
        return Alias.newBuilder().setSpec(Alias.Spec.newBuilder().setNoParent(true)).build();
    }

    @Test
    void aComponentMovedFromTheRootAndItsChildrenAliasTheirFormerUrns() {
        var aliases = new EngineAliases("s", "p");
        assertEquals(List.of(), aliases.of(CLUSTER, STACK, "platform:components:ManagementCluster", "mgmt", List.of()));
        assertEquals(List.of("urn:pulumi:s::p::platform:components:Network::mgmt"),
                aliases.of(NETWORK, CLUSTER, "platform:components:Network", "mgmt", List.of(noParent())));
        assertEquals(List.of("urn:pulumi:s::p::platform:components:Network$aws:ec2/vpc:Vpc::mgmt-vpc"),
                aliases.of(NETWORK.replace("::mgmt", "$aws:ec2/vpc:Vpc::mgmt-vpc"), NETWORK, "aws:ec2/vpc:Vpc", "mgmt-vpc", List.of()));
    }

    @Test
    void withoutAnAliasAMovedResourceHasNoFormerUrn() {
        var aliases = new EngineAliases("s", "p");
        aliases.of(CLUSTER, STACK, "platform:components:ManagementCluster", "mgmt", List.of());
        assertEquals(List.of(), aliases.of(NETWORK, CLUSTER, "platform:components:Network", "mgmt", List.of()));
    }

    @Test
    void aRenamedParentsChildrenFollowItsNamePrefix() {
        var aliases = new EngineAliases("s", "p");
        var renamed = Alias.newBuilder().setSpec(Alias.Spec.newBuilder().setName("old")).build();
        var parent = "urn:pulumi:s::p::my:C::new";
        assertEquals(List.of("urn:pulumi:s::p::my:C::old"), aliases.of(parent, STACK, "my:C", "new", List.of(renamed)));
        assertEquals(List.of("urn:pulumi:s::p::my:C$aws:s3:Bucket::old-bucket"),
                aliases.of("urn:pulumi:s::p::my:C$aws:s3:Bucket::new-bucket", parent, "aws:s3:Bucket", "new-bucket", List.of()));
    }

    @Test
    void aUrnAliasIsTakenAsItIs() {
        var aliases = new EngineAliases("s", "p");
        var urn = "urn:pulumi:other::p::aws:s3:Bucket::b";
        assertEquals(List.of(urn), aliases.of("urn:pulumi:s::p::aws:s3:Bucket::b", STACK, "aws:s3:Bucket", "b",
                List.of(Alias.newBuilder().setUrn(urn).build())));
    }
}

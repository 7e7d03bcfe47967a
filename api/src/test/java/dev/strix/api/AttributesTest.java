package dev.strix.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AttributesTest {
    @Test
    void singleIntsExpandLikePytorchPairs() {
        Attributes a = Attributes.builder().put("kernel_size", 3).put("padding", 1, 2).build();
        assertThat(a.getInts("kernel_size", 2, 0)).containsExactly(3, 3);
        assertThat(a.getInts("padding", 2, 0)).containsExactly(1, 2);
        assertThat(a.getInts("stride", 2, 1)).containsExactly(1, 1);
        assertThatThrownBy(() -> a.getInts("padding", 4, 0)).hasMessageContaining("'padding' needs 4 values");
    }

    @Test
    void wrongTypesAndMissingAttributesNameTheAttribute() {
        Attributes a = Attributes.builder().put("mode", "nearest").put("eps", 1e-5).build();
        assertThatThrownBy(() -> a.getInt("mode")).isInstanceOf(ShapeException.class)
                .hasMessageContaining("'mode' must be Integer but is String nearest");
        assertThatThrownBy(() -> a.getInt("groups")).hasMessageContaining("'groups' is required");
        assertThat(a.getDouble("eps")).isEqualTo(1e-5);
        assertThat(a.getInt("groups", 1)).isEqualTo(1);
    }

    @Test
    void equalityComparesArrayContents() {
        Attributes a = Attributes.builder().put("dims", 0, 2, 1).build();
        Attributes b = Attributes.builder().put("dims", 0, 2, 1).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).isEqualTo("{dims=[0, 2, 1]}");
        int[] copy = a.getInts("dims");
        copy[0] = 9;
        assertThat(a.getInts("dims")).containsExactly(0, 2, 1);
    }

    @Test
    void shapesRejectNonPositiveDimensions() {
        assertThatThrownBy(() -> Shape.of(1, 0, 3)).hasMessageContaining("dimension 1 of shape [1, 0, 3] is 0");
        assertThat(Shape.of(2, 3, 4).dim(-1)).isEqualTo(4);
        assertThatThrownBy(() -> Shape.of(2, 3).dim(2)).hasMessageContaining("axis 2 is out of range");
    }
}

/**
 * What every model family shares: {@link dev.strix.models.common.Net}, typed shortcuts over
 * {@link dev.strix.api.graph.GraphBuilder} that spell the layer types and attribute names of LAYERS.md once
 * ({@code conv}, {@code batchNorm}, {@code relu}, pools, {@code linear} …); {@link dev.strix.models.common.Sequence}
 * for torchvision's {@code nn.Sequential} indices; and {@link dev.strix.models.common.TableFamily}, a model family
 * whose variants are rows of a table.
 */
package dev.strix.models.common;
